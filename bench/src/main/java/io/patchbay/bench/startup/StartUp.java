package io.patchbay.bench.startup;

import io.patchbay.bench.Artifacts;
import io.patchbay.bench.report.Section;
import io.patchbay.bench.report.Stats;
import io.patchbay.bench.report.Table;
import io.patchbay.bench.startup.FirstAnswer.Sample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Start-up of three runtimes serving the same example, measured in the same run so that their ratios can be
 * compared from one machine to the next: the Patchbay launcher, a bare Felix with the launcher's third-party
 * bundles and no Patchbay bundle, and stock Karaf with the {@code patchbay-example} feature. Each start is a
 * separate JVM with the same JVM options ({@link FirstAnswer} says what is measured); a round starts each runtime
 * once, the order rotating from round to round, after untimed warm-up rounds. Medians over the rounds.
 */
public final class StartUp {

    /**
     * {@code rounds} timed rounds after {@code warmups} untimed ones; RSS read again {@code settle} after the first
     * answer; {@code jvmOptions} for every runtime's JVM.
     */
    public record Settings(int rounds, int warmups, Duration settle, List<String> jvmOptions) {

        /** Karaf 4.x's old default heap (JAVA_MIN_MEM, JAVA_MAX_MEM), fixed so RSS does not follow the machine's RAM. */
        public static final List<String> JVM = List.of("-Xms128m", "-Xmx512m");

        public Settings(int rounds, int warmups, Duration settle) {
            this(rounds, warmups, settle, System.getProperty("bench.startup.jvm") == null ? JVM
                    : List.of(System.getProperty("bench.startup.jvm").trim().split("\\s+")));
        }

        public Settings withRounds(int changed) {
            return new Settings(changed, warmups, settle, jvmOptions);
        }
    }

    /**
     * A second launcher jar, measured in the same rounds as "Patchbay launcher before" (say, the jar of the commit a
     * change started from), so that a before and an after come from one run.
     */
    public static final String BASELINE = "bench.startup.baseline";
    /** {@code false} leaves Karaf out (while iterating on the launcher: Karaf's start is most of a round). */
    public static final String KARAF = "bench.startup.karaf";

    private final Settings settings;
    private final BareFelixStart bareFelix;
    private final List<Contender> contenders;

    public StartUp(Artifacts artifacts, Settings settings) {
        this.settings = settings;
        this.bareFelix = new BareFelixStart(artifacts.launcherBundles());
        List<Contender> all = new ArrayList<>(List.of(new LauncherStart(artifacts.launcherJar()), bareFelix));
        String baseline = System.getProperty(BASELINE);
        if (baseline != null) {
            all.add(LauncherStart.baseline(Path.of(baseline).toFile()));
        }
        if (!"false".equals(System.getProperty(KARAF))) {
            all.add(new KarafStart(artifacts.karafHome(), artifacts.karafRepository(), artifacts.karafFeatures()));
        }
        this.contenders = List.copyOf(all);
    }

    public List<Section> run() throws Exception {
        String loadBefore = loadAverage();
        for (int round = 0; round < settings.warmups(); round++) {
            for (Contender contender : order(round)) {
                print("warm-up", FirstAnswer.measure(contender, settings.jvmOptions(), Duration.ZERO));
            }
        }
        List<Sample> samples = new ArrayList<>();
        for (int round = 0; round < settings.rounds(); round++) {
            for (Contender contender : order(round)) {
                Sample sample = FirstAnswer.measure(contender, settings.jvmOptions(), settings.settle());
                print("round " + (round + 1), sample);
                samples.add(sample);
            }
        }
        return List.of(table(samples, loadBefore + " / " + loadAverage()), ratios(samples));
    }

    /** Round {@code n} starts with the n-th runtime (modulo), so none is always first after another's exit. */
    private List<Contender> order(int round) {
        List<Contender> order = new ArrayList<>();
        for (int i = 0; i < contenders.size(); i++) {
            order.add(contenders.get((round + i) % contenders.size()));
        }
        return order;
    }

    private Section table(List<Sample> samples, String load) {
        String settled = "RSS " + settings.settle().toSeconds() + " s later, median";
        Table table = new Table("Runtime", "Bundles", "Rounds", "First answer, median", "min - max",
                "CPU to first answer, median", "RSS at first answer, median", "min - max", settled);
        Map<String, Object> medians = new LinkedHashMap<>();
        for (Contender contender : contenders) {
            List<Sample> own = of(samples, contender);
            table.row(contender.name(), range(own, Sample::bundles, ""), own.size(),
                    Stats.ms(median(own, Sample::nanos) / 1e6), range(own, s -> Math.round(s.nanos() / 1e6), " ms"),
                    Stats.ms(median(own, Sample::cpuMillis)), mb(median(own, Sample::rssKb)), range(own, s -> Math.round(s.rssKb() / 1024.0), " MB"),
                    mb(median(own, Sample::settledRssKb)));
            Map<String, Object> median = new LinkedHashMap<>();
            median.put("firstAnswerMs", Stats.round(median(own, Sample::nanos) / 1e6));
            median.put("cpuMs", median(own, Sample::cpuMillis));
            median.put("rssKb", median(own, Sample::rssKb));
            median.put("settledRssKb", median(own, Sample::settledRssKb));
            medians.put(contender.key(), median);
        }
        Section section = Section.of("startUp", "Start-up: Patchbay launcher, bare Felix, Karaf", table, List.of(
                "First answer: from just before the process starts until GET " + FirstAnswer.QUOTE + " is answered"
                        + " 200 with a quote, polled every 10 ms; RSS is VmRSS from /proc/<pid>/status then, and "
                        + settings.settle().toSeconds() + " s later; CPU is user + system time of the process and"
                        + " the children it waited for, from /proc/<pid>/stat, at the first answer. Each start: a fresh data folder, cache or"
                        + " KARAF_BASE under /tmp, free loopback ports, standard input from /dev/null, JVM options "
                        + String.join(" ", settings.jvmOptions()) + ". Rounds alternate the runtimes (order rotating),"
                        + " after " + settings.warmups() + " untimed warm-up round(s). Load average (1 min) of the"
                        + " machine before / after the part: " + load + ".",
                "Bundles: installed at the first answer (the Felix cache's bundle folders, the system bundle not"
                        + " counted). Bare Felix leaves out " + String.join(", ", bareFelix.leftOut()) + "."));
        section.data().put("runs", samples.stream().map(s -> List.of(s.contender(), Stats.round(s.nanos() / 1e6),
                s.cpuMillis(), s.rssKb(), s.settledRssKb(), s.bundles())).toList());
        section.data().put("columns", List.of("runtime", "firstAnswerMs", "cpuMs", "rssKb", "settledRssKb",
                "bundles"));
        section.data().put("loadAverage", load);
        section.data().put("medians", medians);
        section.data().put("jvmOptions", settings.jvmOptions());
        section.data().put("settleMs", settings.settle().toMillis());
        section.data().put("warmupRounds", settings.warmups());
        section.data().put("bareFelixLeftOut", bareFelix.leftOut());
        return section;
    }

    private Section ratios(List<Sample> samples) {
        Table table = new Table("Ratio of medians", "First answer", "CPU to first answer", "RSS at first answer",
                "RSS " + settings.settle().toSeconds() + " s later");
        Map<String, Object> data = new LinkedHashMap<>();
        Contender launcher = contenders.get(0);
        List<Contender[]> pairs = new ArrayList<>();
        for (Contender other : contenders.subList(2, contenders.size())) {
            pairs.add(other.key().equals(LauncherStart.BASELINE_KEY) ? new Contender[] { other, bareFelix }
                    : new Contender[] { other, launcher });
        }
        pairs.add(0, new Contender[] { launcher, bareFelix });
        for (Contender[] pair : pairs) {
            List<Sample> top = of(samples, pair[0]);
            List<Sample> bottom = of(samples, pair[1]);
            List<Double> ratios = new ArrayList<>();
            for (ToLongFunction<Sample> value : List.<ToLongFunction<Sample>>of(Sample::nanos, Sample::cpuMillis,
                    Sample::rssKb, Sample::settledRssKb)) {
                ratios.add(median(top, value) / median(bottom, value));
            }
            table.row(pair[0].name() + " / " + pair[1].name(), x(ratios.get(0)),
                    x(ratios.get(1)), x(ratios.get(2)), x(ratios.get(3)));
            data.put(pair[0].key() + "/" + pair[1].key(),
                    ratios.stream().map(Stats::round).toList());
        }
        Section section = Section.of("startUpRatios", "Start-up ratios (same run)", table, List.of(
                "Medians of the table above divided: what Patchbay adds to the same bundles on Felix, and what Karaf"
                        + " with the Patchbay feature costs against the launcher. Absolute times follow the machine;"
                        + " these ratios are what compares from one machine to the next (the CPU ones best when other"
                        + " work shares the machine)."));
        section.data().put("columns", List.of("firstAnswer", "cpu", "rss", "settledRss"));
        section.data().put("ratios", data);
        return section;
    }

    private static List<Sample> of(List<Sample> samples, Contender contender) {
        return samples.stream().filter(s -> s.contender().equals(contender.key())).toList();
    }

    private static double median(List<Sample> samples, ToLongFunction<Sample> value) {
        long[] sorted = samples.stream().mapToLong(value).sorted().toArray();
        return sorted.length == 0 ? Double.NaN : (sorted[(sorted.length - 1) / 2] + sorted[sorted.length / 2]) / 2.0;
    }

    private static String range(List<Sample> samples, ToLongFunction<Sample> value, String unit) {
        long min = samples.stream().mapToLong(value).min().orElse(0);
        long max = samples.stream().mapToLong(value).max().orElse(0);
        return min == max ? min + unit : min + " - " + max + unit;
    }

    private static String mb(double kb) {
        return String.format("%.0f MB", kb / 1024);
    }

    private static String x(double ratio) {
        return String.format("%.2fx", ratio);
    }

    private static void print(String what, Sample sample) {
        System.out.printf("   startup %s %s: %.0f ms, %d ms CPU, %d MB, %d MB later, %d bundles%n", what,
                sample.contender(), sample.nanos() / 1e6, sample.cpuMillis(), sample.rssKb() / 1024,
                sample.settledRssKb() / 1024, sample.bundles());
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
