package io.statecraft.generator.cfn;

import io.statecraft.asl.ProblemCode;
import io.statecraft.dsl.workflow.TemplateValue;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks {@code cron(...)}, {@code rate(...)} and {@code at(...)} expressions and time zones the
 * way EventBridge, EventBridge Scheduler and Systems Manager read them, so that a typo is found at
 * build time rather than when the stack fails to deploy.
 */
final class ScheduleExpressions {

  /** Which service reads the expression: they accept different forms. */
  enum Reader {
    EVENTBRIDGE_RULE("an EventBridge rule", false),
    SCHEDULER("an EventBridge Scheduler schedule", true),
    MAINTENANCE_WINDOW("a maintenance window", true);

    final String description;
    final boolean acceptsAt;

    Reader(String description, boolean acceptsAt) {
      this.description = description;
      this.acceptsAt = acceptsAt;
    }
  }

  private static final Pattern RATE = Pattern.compile("rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)");
  private static final Pattern CRON = Pattern.compile("cron\\((.*)\\)");
  private static final Pattern AT = Pattern.compile("at\\(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\)");

  private ScheduleExpressions() {}

  /** Reports {@code value} when its expression, as far as it is known at build time, is not one {@code reader} accepts. */
  static void check(TemplateContext context, TemplateValue value, Reader reader, String pointer) {
    KnownText known = KnownText.of(value, pointer);
    String problem = known == null ? null : problem(known.text(), reader);
    if (problem != null) {
      context.error(ProblemCode.INVALID_SCHEDULE_EXPRESSION, known.pointer(), problem);
    }
  }

  /** Reports {@code value} when it is known at build time and no IANA time zone. */
  static void checkTimeZone(TemplateContext context, TemplateValue value, String pointer) {
    KnownText known = KnownText.of(value, pointer);
    String problem = known == null ? null : timeZoneProblem(known.text());
    if (problem != null) {
      context.error(ProblemCode.INVALID_TIME_ZONE, known.pointer(), problem);
    }
  }

  /** What is wrong with {@code expression}, or null when it is well formed. */
  static String problem(String expression, Reader reader) {
    Matcher rate = RATE.matcher(expression);
    if (rate.matches()) {
      long value = Long.parseLong(rate.group(1));
      boolean singular = !rate.group(2).endsWith("s");
      if (value == 0) {
        return "rate '" + expression + "' must be at least 1";
      }
      if (value == 1 && !singular || value > 1 && singular) {
        String unit = rate.group(2).replaceAll("s$", "");
        return "rate '" + expression + "' must read rate(1 " + unit + ") for one and rate(N " + unit
            + "s) for more";
      }
      return null;
    }
    Matcher cron = CRON.matcher(expression);
    if (cron.matches()) {
      String[] fields = cron.group(1).trim().split("\\s+");
      if (fields.length != 6) {
        return "cron '" + expression + "' has " + fields.length + " fields, but " + reader.description
            + " needs 6: minutes hours day-of-month month day-of-week year, such as cron(0 8 ? * MON *)";
      }
      boolean dayOfMonthAny = fields[2].equals("?");
      boolean dayOfWeekAny = fields[4].equals("?");
      if (dayOfMonthAny == dayOfWeekAny) {
        return "cron '" + expression + "' must have ? in exactly one of day-of-month (3rd field) and "
            + "day-of-week (5th field), such as cron(0 8 ? * MON *)";
      }
      return null;
    }
    if (reader.acceptsAt && AT.matcher(expression).matches()) {
      return null;
    }
    return "'" + expression + "' is not an expression " + reader.description + " accepts; write "
        + "cron(0 8 ? * MON *), rate(1 day)" + (reader.acceptsAt ? " or at(2026-01-01T08:00:00)" : "");
  }

  /** What is wrong with {@code zone}, or null when it is an IANA time zone name. */
  static String timeZoneProblem(String zone) {
    if (ZoneId.getAvailableZoneIds().contains(zone)) {
      return null;
    }
    return "'" + zone + "' is not an IANA time zone name; write one such as Europe/Bucharest, America/New_York or Etc/UTC";
  }
}
