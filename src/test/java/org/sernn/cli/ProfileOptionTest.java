package org.sernn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sernn.hardware.HardwareProfile;
import picocli.CommandLine;

/** Every verb's {@code --profile} takes a bundled name or a file, by one converter. */
class ProfileOptionTest {
    @TempDir
    Path dir;

    @Test
    void everyProfileOptionGoesThroughTheOneConverter() {
        List<String> verbs = new ArrayList<>();
        Main.commandLine().getSubcommands().forEach((name, sub) -> {
            CommandLine.Model.OptionSpec option = sub.getCommandSpec().findOption("--profile");
            if (option != null) {
                verbs.add(name);
                assertEquals(HardwareProfile.class, option.type(), name);
                assertTrue(option.converters().length == 1 && option.converters()[0] instanceof ProfileArgument, name);
            }
        });
        assertEquals(List.of("train", "deploy", "train-onchip", "export"), verbs);
    }

    @Test
    void aNameAndAFileGiveTheSameProfile() throws Exception {
        Path file = dir.resolve("mine.yaml");
        Files.copy(Path.of("hardware-profiles/xylo.yaml"), file);
        HardwareProfile byName = new ProfileArgument().convert("xylo");
        HardwareProfile byFile = new ProfileArgument().convert(file.toString());
        assertEquals(byFile, byName);
        CommandLine.TypeConversionException unknown = assertThrows(CommandLine.TypeConversionException.class,
                () -> new ProfileArgument().convert("no-such-chip"));
        assertTrue(unknown.getMessage().contains("no-such-chip"), unknown.getMessage());
    }

    /** The refusal of issue 15: {@code deploy --profile xylo} said "not found". */
    @Test
    void deployAcceptsABundledName() {
        CliRunner.Result result = CliRunner.run("deploy", "models/rate-sernn.yaml", "--profile", "cpu", "--trials", "4",
                "--device-seeds", "1", "--out", dir.resolve("cpu").toString());
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(Files.isRegularFile(dir.resolve("cpu").resolve("report.json")));
        CliRunner.Result missing = CliRunner.run("deploy", "models/rate-sernn.yaml", "--profile", "no-such-chip",
                "--out", dir.resolve("x").toString());
        assertEquals(Main.USER_ERROR, missing.exitCode());
        assertTrue(missing.err().contains("no-such-chip") && !missing.err().contains("Exception"), missing.err());
        assertFalse(Files.exists(dir.resolve("x")));
    }
}
