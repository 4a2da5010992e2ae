package io.patchbay.launcher.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One fenced code block of a markdown document, with the doc test's directives written just before it in an HTML
 * comment (invisible on the rendered page):
 *
 * <pre>
 * &lt;!-- doctest
 * fresh                              a new container (new data folder) before this block
 * hidden: patch:apply bundles/...    a shell command typed first, its output not compared
 * config: io.patchbay.fleet url=...,pollMs=1000   a file &lt;data&gt;/etc/&lt;pid&gt;.cfg, as an operator writes it
 * ddi: 7 bundles/.../fix.jar module 1.0.1          a hawkBit DDI stub serving that deployment ({ddi} in config:)
 * calls: 300 X-Tenant=tenant-{i%300} /pricing/quote?qty={i%100+1}   traffic before the block
 * while-typing: /pricing/quote?..., /pricing/...   GETs once the block's first command printed a line
 * await: patch:fleet =&gt; watching    typed until its output shows the text
 * reflow                             compare the words: numbers of varying width wrap lines elsewhere
 * get: /system/console/patches.json  (json blocks) the request whose answer the block shows
 * post-jar: /system/console/patches?action=apply&amp;name=fix.jar bundles/.../fix.jar
 * table                              (json blocks) the next table names every field of the answer
 * table: check                       ... every field under {@code check}, by names relative to it
 * skip: why it cannot be replayed
 * --&gt;
 * </pre>
 *
 * @param line the 1-based line of the block's first content line
 * @param contentEnd the 0-based index, in the document's lines, just after the block's last content line
 */
record DocBlock(Path file, int line, int contentEnd, String lang, String indent, List<String> lines,
        List<String> directives) {

    /** Whether the block is a shell session or an HTTP call to replay (a {@code text} block with g! or $ lines). */
    boolean isTranscript() {
        return lang.equals("text") && lines.stream().anyMatch(l -> l.startsWith("g! ") || l.startsWith("$ "));
    }

    boolean isJson() {
        return lang.equals("json");
    }

    /** The value of the first directive {@code name: value}, or {@code null}. */
    String directive(String name) {
        return directives.stream().filter(d -> d.startsWith(name + ":")).map(d -> d.substring(name.length() + 1).trim())
                .findFirst().orElse(null);
    }

    boolean has(String flag) {
        return directives.contains(flag);
    }

    List<String> hidden() {
        return directives.stream().filter(d -> d.startsWith("hidden:")).map(d -> d.substring(7).trim()).toList();
    }

    String where() {
        return file.getFileName() + ":" + line;
    }

    /** Every fenced block of a markdown file, in order. */
    static List<DocBlock> parse(Path file, List<String> text) {
        List<DocBlock> blocks = new ArrayList<>();
        List<String> pending = List.of();
        for (int i = 0; i < text.size(); i++) {
            String trimmed = text.get(i).trim();
            if (trimmed.startsWith("<!-- doctest")) {
                StringBuilder comment = new StringBuilder();
                for (; !text.get(i).contains("-->"); i++) {
                    comment.append(text.get(i)).append('\n');
                }
                comment.append(text.get(i));
                pending = comment.toString().replace("<!-- doctest", "").replace("-->", "").lines()
                        .map(String::trim).filter(l -> !l.isEmpty()).toList();
            } else if (trimmed.startsWith("```") && trimmed.length() > 3) {
                String indent = text.get(i).substring(0, text.get(i).indexOf('`'));
                String lang = trimmed.substring(3).trim();
                List<String> lines = new ArrayList<>();
                int start = i + 1;
                for (i++; i < text.size() && !text.get(i).trim().equals("```"); i++) {
                    String line = text.get(i);
                    lines.add(line.startsWith(indent) ? line.substring(indent.length()) : line);
                }
                blocks.add(new DocBlock(file, start + 1, i, lang, indent, lines, pending));
                pending = List.of();
            } else if (!trimmed.isEmpty()) {
                pending = List.of();
            }
        }
        return blocks;
    }

    static List<DocBlock> parse(Path file) throws IOException {
        return parse(file, Files.readAllLines(file));
    }
}
