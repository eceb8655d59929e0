package org.sernn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every verb's {@code --help} at 80 columns keeps file names whole: picocli wraps with Java's line
 * break iterator, which allows a break after the '.' of {@code stats.json}.
 */
class HelpWrapTest {
    /** A line that ends in "name." whose next line goes on with an extension or a brace list. */
    private static final Pattern ENDS_BEFORE_EXTENSION = Pattern.compile(".*[\\w}\\-]\\.$");
    private static final Pattern STARTS_WITH_EXTENSION = Pattern.compile(
            "^(\\{|(json|csv|md|png|svg|pdf|html|npz|npy|yaml|yml|nir|sbatch|txt|log|h5|hdf5|lock)\\b).*");

    @Test
    void noVerbsHelpBreaksAFileName() {
        for (int width : new int[] {80, 100, 120}) {
            List<String> broken = new ArrayList<>();
            check("sernn", Main.commandLine(), width, broken);
            assertEquals(List.of(), broken, "at " + width + " columns");
        }
    }

    @Test
    void aRepairedNameMovesWholeAndItsCellRewrapsWithinTheWidth() {
        String cut = "  --out=<out>   Writes DIR/a.npz and DIR/test-confusion.\n"
                + "                  csv, and more words that fill the line up to\n"
                + "                  the end.\n"
                + "  --seed=<seed>   Seed.\n";
        String repaired = FileNameWrapping.repaired(cut, 60);   // "... words that" would be 61 wide
        assertEquals("  --out=<out>   Writes DIR/a.npz and\n"
                + "                  DIR/test-confusion.csv, and more words\n"
                + "                  that fill the line up to the end.\n"
                + "  --seed=<seed>   Seed.\n", repaired);
        List<String> broken = new ArrayList<>();
        brokenNames("probe", cut, broken);
        assertEquals(1, broken.size());
        brokenNames("repaired", repaired, broken);
        assertEquals(1, broken.size(), broken.toString());
    }

    @Test
    void theCheckSeesABrokenFileName() {
        List<String> broken = new ArrayList<>();
        brokenNames("probe", "writes DIR/stats.\n         json and DIR/report.json", broken);
        assertEquals(List.of("probe: 'writes DIR/stats.' / 'json and DIR/report.json'"), broken);
    }

    private static void check(String name, CommandLine command, int width, List<String> broken) {
        command.setUsageHelpWidth(width);
        String usage = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
        brokenNames(name, usage, broken);
        usage.lines().filter(line -> line.length() > width).forEach(line -> broken.add(name + " too wide: " + line));
        command.getSubcommands().forEach((sub, line) -> check(name + " " + sub, line, width, broken));
    }

    private static void brokenNames(String name, String usage, List<String> broken) {
        String[] lines = usage.split("\\R");
        for (int i = 0; i + 1 < lines.length; i++) {
            String end = lines[i].stripTrailing();
            String next = lines[i + 1].strip();
            if (ENDS_BEFORE_EXTENSION.matcher(end).matches() && STARTS_WITH_EXTENSION.matcher(next).matches()) {
                broken.add(name + ": '" + end.strip() + "' / '" + next + "'");
            }
        }
    }
}
