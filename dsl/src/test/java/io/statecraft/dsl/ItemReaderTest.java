package io.statecraft.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.statecraft.dsl.asl.AslItemReader;
import org.junit.jupiter.api.Test;

/** The typed ItemReader's ItemsPointer: written into ReaderConfig, and refused when it is no JSON Pointer. */
final class ItemReaderTest {

  @Test
  void itemsPointerGoesIntoTheReaderConfigOfAJsonFile() {
    AslItemReader reader = ItemReader.s3Object(Value.of("inbox"), Value.of("orders.json")).json()
        .itemsPointer("/data/a~1b~0c").toAsl(false);

    assertThat(reader.resource()).isEqualTo("arn:aws:states:::s3:getObject");
    assertThat(reader.readerConfig()).isEqualTo(Json.object().put("InputType", "JSON")
        .put("ItemsPointer", "/data/a~1b~0c").build());
  }

  @Test
  void aPointerThatIsNoJsonPointerIsRefusedWithWhatToWrite() {
    ItemReader reader = ItemReader.s3Object(Value.of("inbox"), Value.of("orders.json")).json();

    assertThatThrownBy(() -> reader.itemsPointer("$.data")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ItemsPointer '$.data' is not a JSON Pointer; write it like /data/items, with ~0 for ~ and ~1 for "
            + "/ inside a name");
    assertThatThrownBy(() -> reader.itemsPointer("/a~")).hasMessageStartingWith("ItemsPointer '/a~' is not");
    assertThat(reader.itemsPointer("").toAsl(true).readerConfig())
        .isEqualTo(Json.object().put("InputType", "JSON").put("ItemsPointer", "").build());
  }
}
