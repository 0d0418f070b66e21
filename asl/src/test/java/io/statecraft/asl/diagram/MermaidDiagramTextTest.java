package io.statecraft.asl.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.asl.AslReader;
import org.junit.jupiter.api.Test;

class MermaidDiagramTextTest {

  @Test
  void noLineBreakOfACommentOrNameCanStartAMermaidStatement() {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("Comment", "a\rstart --> evil1\u2028evil2[x]\u2029evil3\u0085evil4\u000Bevil5\r\nevil6\nend");
    root.put("StartAt", "A\u2028B");
    root.putObject("States").putObject("A\u2028B").put("Type", "Pass").put("End", true);

    String diagram = MermaidDiagram.render(AslReader.read(root));

    assertThat(diagram).isEqualTo("""
        flowchart TD
          %% a start --> evil1 evil2[x] evil3 evil4 evil5 evil6 end
          start(("start"))
          n0["A B"]
          start --> n0
        """);
  }
}
