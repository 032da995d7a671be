package io.omnidecide.scenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Scenario results as a JUnit XML report, the format CI systems read: a test case per step. */
final class JUnitXml {

    private JUnitXml() {
    }

    static void write(List<ScenarioResult> results, Path file) throws IOException {
        long tests = results.stream().mapToLong(r -> r.steps().size()).sum();
        long failures = results.stream().flatMap(r -> r.steps().stream()).filter(s -> !s.passed()).count();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<testsuite name=\"scenarios\" tests=\"").append(tests).append("\" failures=\"").append(failures)
                .append("\" errors=\"0\" skipped=\"0\">\n");
        for (ScenarioResult result : results) {
            for (ScenarioResult.StepResult step : result.steps()) {
                xml.append("  <testcase classname=\"").append(escape(result.file() + ": " + result.name()))
                        .append("\" name=\"").append(escape(step.step())).append('"');
                if (step.passed()) {
                    xml.append("/>\n");
                } else {
                    xml.append(">\n    <failure message=\"").append(escape(firstSentence(step.explanation()))).append("\">")
                            .append(escape(step.explanation())).append("</failure>\n  </testcase>\n");
                }
            }
        }
        xml.append("</testsuite>\n");
        Files.createDirectories(file.getParent());
        Files.writeString(file, xml, StandardCharsets.UTF_8);
    }

    private static String firstSentence(String text) {
        int end = text == null ? -1 : text.indexOf(". ");
        return text == null ? "" : end < 0 ? text : text.substring(0, end);
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
