package io.patchbay.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything one run measured, with the machine it ran on; written as Markdown and JSON. */
public final class Report {

    private final String run;
    private final Map<String, Object> machine;
    private final List<Section> sections = new ArrayList<>();

    public Report(String run, Map<String, Object> machine) {
        this.run = run;
        this.machine = machine;
    }

    public void add(Section section) {
        sections.add(section);
    }

    /** Puts {@code section} before all others (a summary). */
    public void addFirst(Section section) {
        sections.add(0, section);
    }

    public List<Section> sections() {
        return List.copyOf(sections);
    }

    public Optional<Section> section(String key) {
        return sections.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    public String markdown() {
        StringBuilder out = new StringBuilder("# Patchbay benchmarks: ").append(run).append(" run\n\n");
        Table table = new Table("Machine", "");
        machine.forEach((key, value) -> table.row(key, value));
        out.append(table.markdown());
        for (Section section : sections) {
            out.append('\n').append(section.markdown());
        }
        return out.toString();
    }

    public String json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("run", run);
        json.put("machine", machine);
        for (Section section : sections) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("title", section.title());
            one.put("headers", section.table().headers());
            one.put("rows", section.table().rows());
            one.put("data", section.data());
            json.put(section.key(), one);
        }
        return Json.write(json);
    }

    /** Writes {@code <run>.md} and {@code <run>.json} into {@code folder}; answers the Markdown file. */
    public Path write(Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve(run + ".json"), json());
        return Files.writeString(folder.resolve(run + ".md"), markdown());
    }
}
