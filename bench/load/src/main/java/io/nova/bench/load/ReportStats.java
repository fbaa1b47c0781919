package io.nova.bench.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One row of a Gatling report's statistics table — all requests, a group, or a request in a group — with its
 * children. Gatling 3.14 writes these numbers only into {@code index.html} (there is no stats.json any more), so
 * they are read from its table rows: {@code <tr id=… data-parent=…>}, the name, and cells {@code col-2} (count)
 * to {@code col-12} (max). {@code ReportStatsTest} holds a real report's rows, so a Gatling upgrade that changes
 * the table fails the build rather than the summary.
 */
record ReportStats(String name, long ok, long ko, double p50, double p95, double p99, double p999, double max,
                   List<ReportStats> children) {

    private static final Pattern ROW =
            Pattern.compile("<tr id=\"([^\"]+)\"\\s*(?:data-parent=\"([^\"]+)\")?\\s*>(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern NAME = Pattern.compile("class=\"ellipsed-name\">([^<]*)</span>");
    private static final Pattern CELL = Pattern.compile("<td class=\"value [a-z]+ col-(\\d+)\">([^<]*)</td>");

    /** The "All Requests" row of the report in {@code reportDirectory}, its groups and requests below it. */
    static ReportStats read(Path reportDirectory) throws IOException {
        return parse(Files.readString(reportDirectory.resolve("index.html"), StandardCharsets.UTF_8));
    }

    static ReportStats parse(String html) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, Map<Integer, String>> cells = new LinkedHashMap<>();
        Map<String, List<String>> childIds = new HashMap<>();
        Matcher row = ROW.matcher(html);
        while (row.find()) {
            String id = row.group(1);
            Matcher name = NAME.matcher(row.group(3));
            if (!name.find() || names.containsKey(id)) {
                continue;
            }
            names.put(id, unescape(name.group(1).trim()));
            Map<Integer, String> values = new HashMap<>();
            Matcher cell = CELL.matcher(row.group(3));
            while (cell.find()) {
                values.put(Integer.parseInt(cell.group(1)), cell.group(2).trim());
            }
            cells.put(id, values);
            if (row.group(2) != null) {
                childIds.computeIfAbsent(row.group(2), parent -> new ArrayList<>()).add(id);
            }
        }
        if (!names.containsKey("ROOT")) {
            throw new IllegalStateException("no statistics table in the report (has Gatling's report changed?)");
        }
        return build("ROOT", names, cells, childIds);
    }

    private static ReportStats build(String id, Map<String, String> names, Map<String, Map<Integer, String>> cells,
                                     Map<String, List<String>> childIds) {
        List<ReportStats> children = new ArrayList<>();
        for (String child : childIds.getOrDefault(id, List.of())) {
            children.add(build(child, names, cells, childIds));
        }
        Map<Integer, String> values = cells.get(id);
        return new ReportStats(names.get(id), (long) number(values, 3), (long) number(values, 4), number(values, 8),
                number(values, 9), number(values, 10), number(values, 11), number(values, 12), children);
    }

    private static double number(Map<Integer, String> values, int column) {
        try {
            return Double.parseDouble(values.getOrDefault(column, "").replace(",", ""));
        } catch (NumberFormatException none) {
            return Double.NaN;  // "-" where there were no answers
        }
    }

    private static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    long count() {
        return ok + ko;
    }

    ReportStats child(String name) {
        return children.stream().filter(child -> child.name.equals(name)).findFirst().orElse(null);
    }

    static String ms(double value) {
        return Double.isNaN(value) ? "–" : String.format("%.0f", value);
    }
}
