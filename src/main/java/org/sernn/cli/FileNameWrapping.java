package org.sernn.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Keeps file names whole in {@code --help}: picocli wraps text with Java's line break iterator, which
 * allows a break after the '.' of {@code stats.json}. Each wrapped help section is rendered as
 * picocli renders it, then a name cut at its dot moves whole to the next line, whose cell re-wraps
 * at spaces within the usage width.
 */
final class FileNameWrapping {
    /** A line ending in the first part of a file name ("DIR/stats."), kept in group 1. */
    private static final Pattern NAME_BEFORE_DOT = Pattern.compile("(?<=\\s|^)(\\S*[\\w}\\-]\\.)$");
    /** A line that goes on with the rest of it: an extension or a brace list of extensions. */
    private static final Pattern EXTENSION = Pattern.compile(
            "^(\\{|(json|csv|md|png|svg|pdf|html|npz|npy|yaml|yml|nir|sbatch|txt|log|h5|hdf5|lock)\\b).*");
    private static final List<String> WRAPPED_SECTIONS = List.of(UsageMessageSpec.SECTION_KEY_DESCRIPTION,
            UsageMessageSpec.SECTION_KEY_PARAMETER_LIST, UsageMessageSpec.SECTION_KEY_OPTION_LIST,
            UsageMessageSpec.SECTION_KEY_COMMAND_LIST);

    private FileNameWrapping() {
    }

    /** Installs the repair on {@code command} and every subcommand below it. */
    static void install(CommandLine command) {
        for (String key : WRAPPED_SECTIONS) {
            CommandLine.IHelpSectionRenderer picocli = command.getHelpSectionMap().get(key);
            command.getHelpSectionMap().put(key, help -> repaired(picocli.render(help),
                    help.commandSpec().usageMessage().width()));
        }
        command.getSubcommands().values().forEach(FileNameWrapping::install);
    }

    /** {@code text} (wrapped at {@code width}) with every file name cut at its dot joined again. */
    static String repaired(String text, int width) {
        boolean endsWithNewline = text.endsWith("\n");
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (endsWithNewline) {
            lines.remove(lines.size() - 1);
        }
        for (int i = 0; i + 1 < lines.size(); i++) {
            String line = lines.get(i).stripTrailing();
            Matcher cut = NAME_BEFORE_DOT.matcher(line);
            if (cut.find() && EXTENSION.matcher(lines.get(i + 1).strip()).matches()
                    && !line.substring(0, cut.start()).isBlank()) {
                lines.set(i, line.substring(0, cut.start()).stripTrailing());
                int indent = indentOf(lines.get(i + 1));
                lines.set(i + 1, " ".repeat(indent) + cut.group(1) + lines.get(i + 1).strip());
                rewrapCell(lines, i + 1, indent, width);
            }
        }
        return String.join("\n", lines) + (endsWithNewline ? "\n" : "");
    }

    /** Pushes words past {@code width} from line {@code i} onto the continuation lines of its cell. */
    private static void rewrapCell(List<String> lines, int i, int indent, int width) {
        for (int k = i; k < lines.size() && lines.get(k).length() > width; k++) {
            String line = lines.get(k);
            int split = line.lastIndexOf(' ', width);
            if (split <= indent) {
                return;   // one word longer than the column: leave it as picocli would
            }
            String overflow = line.substring(split + 1);
            lines.set(k, line.substring(0, split).stripTrailing());
            boolean continuation = k + 1 < lines.size() && !lines.get(k + 1).isBlank()
                    && indentOf(lines.get(k + 1)) == indent;
            if (continuation) {
                lines.set(k + 1, " ".repeat(indent) + overflow + " " + lines.get(k + 1).strip());
            } else {
                lines.add(k + 1, " ".repeat(indent) + overflow);
            }
        }
    }

    private static int indentOf(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return n;
    }
}
