package io.patchbay.itest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text exposition format 0.0.4, as Prometheus' own parser reads it: every line
 * is a {@code # HELP}, a {@code # TYPE}, another comment, empty, or a sample; anything else, a label value with a
 * bad escape, a sample whose family was already closed, a TYPE after its samples, a repeated series or a missing
 * final newline is refused with the line number. No Java parser for the format is published, so the tests carry
 * this one (and {@code PrometheusTextTest} proves it refuses what it must).
 */
public final class PrometheusText {

    public record Sample(String name, Map<String, String> labels, double value) {
    }

    private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
    private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") ((?:[^\\\\\\n]|\\\\[\\\\n])*)");
    private static final Pattern TYPE = Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|histogram|summary|untyped)");
    private static final Pattern SAMPLE_NAME = Pattern.compile(NAME);
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\\\n]|\\\\[\\\\\"n])*)\"");
    private static final Pattern VALUE = Pattern.compile(
            " ([-+]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?|[-+]?Inf|NaN)(?: (-?[0-9]+))?");
    private static final List<String> SUFFIXES = List.of("_bucket", "_sum", "_count");

    private final Map<String, String> types = new HashMap<>();
    private final List<Sample> samples = new ArrayList<>();

    private PrometheusText() {
    }

    public static PrometheusText parse(String text) {
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new IllegalArgumentException("the exposition does not end with a newline");
        }
        PrometheusText parsed = new PrometheusText();
        parsed.read(text.isEmpty() ? new String[0] : text.substring(0, text.length() - 1).split("\n", -1));
        return parsed;
    }

    public String type(String family) {
        return types.get(family);
    }

    public List<Sample> samples() {
        return samples;
    }

    /** The value of the one sample with this name and exactly these labels; fails if there is none. */
    public double value(String name, Map<String, String> labels) {
        return samples.stream().filter(s -> s.name.equals(name) && s.labels.equals(labels)).findFirst()
                .orElseThrow(() -> new AssertionError("no sample " + name + labels + " in " + samples)).value;
    }

    private void read(String[] lines) {
        Set<String> closed = new HashSet<>();
        Set<String> helped = new HashSet<>();
        Set<String> series = new HashSet<>();
        String current = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String where = "line " + (i + 1) + " '" + line + "': ";
            Matcher help = HELP.matcher(line);
            Matcher type = TYPE.matcher(line);
            if (line.isEmpty()) {
                continue;
            } else if (line.startsWith("# HELP ")) {
                require(help.matches(), where + "malformed HELP");
                require(helped.add(help.group(1)), where + "a second HELP for " + help.group(1));
            } else if (line.startsWith("# TYPE ")) {
                require(type.matches(), where + "malformed TYPE");
                String family = type.group(1);
                require(!types.containsKey(family), where + "a second TYPE for " + family);
                require(!closed.contains(family) && !family.equals(current), where + "TYPE after its samples");
                types.put(family, type.group(2));
            } else if (line.startsWith("#")) {
                continue;
            } else {
                Sample sample = sample(line, where);
                String family = familyOf(sample.name);
                if (!family.equals(current)) {
                    require(!closed.contains(family), where + "samples of " + family + " are not together");
                    if (current != null) {
                        closed.add(current);
                    }
                    current = family;
                }
                require(series.add(sample.name + sample.labels), where + "a repeated series");
                samples.add(sample);
            }
        }
    }

    private String familyOf(String name) {
        for (String suffix : SUFFIXES) {
            String base = name.endsWith(suffix) ? name.substring(0, name.length() - suffix.length()) : null;
            if (base != null && ("histogram".equals(types.get(base)) || "summary".equals(types.get(base)))) {
                return base;
            }
        }
        return name;
    }

    private static Sample sample(String line, String where) {
        Matcher name = SAMPLE_NAME.matcher(line);
        require(name.lookingAt(), where + "no metric name");
        int at = name.end();
        Map<String, String> labels = new LinkedHashMap<>();
        if (at < line.length() && line.charAt(at) == '{') {
            at++;
            while (true) {
                require(at < line.length(), where + "labels not closed");
                if (line.charAt(at) == '}') {
                    at++;
                    break;
                }
                Matcher label = LABEL.matcher(line).region(at, line.length());
                require(label.lookingAt(), where + "malformed label at column " + (at + 1));
                require(labels.put(label.group(1), unescape(label.group(2))) == null,
                        where + "label " + label.group(1) + " twice");
                at = label.end();
                require(at < line.length(), where + "labels not closed");
                require(line.charAt(at) == ',' || line.charAt(at) == '}',
                        where + "expected , or } at column " + (at + 1));
                if (line.charAt(at) == ',') {
                    at++;
                }
            }
        }
        Matcher value = VALUE.matcher(line).region(at, line.length());
        require(value.matches(), where + "malformed value or timestamp");
        return new Sample(name.group(), labels, Double.parseDouble(value.group(1).replace("Inf", "Infinity")));
    }

    /** A label value with its three escapes (backslash, double quote, n for newline) read left to right. */
    private static String unescape(String value) {
        StringBuilder plain = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\') {
                char escaped = value.charAt(++i);
                plain.append(escaped == 'n' ? '\n' : escaped);
            } else {
                plain.append(c);
            }
        }
        return plain.toString();
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException(problem);
        }
    }
}
