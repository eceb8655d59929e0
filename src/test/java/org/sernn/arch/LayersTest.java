package org.sernn.arch;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import org.junit.jupiter.api.Test;

/**
 * The package layers, lowest first: foundation (the root package's {@code UserError} and
 * {@code Version}, io, linalg, space, util) &lt; model &lt; neuron &lt; sim &lt; task &lt; train &lt;
 * hardware, export &lt; analysis, report &lt; cli. A class may use its own layer and the layers below;
 * a dependency that points back up fails this test. Of the two pairs that share a level, export may
 * use hardware (it writes a deployment's quantised weights) but not the other way round; analysis
 * and report do not use each other (the command line joins them). docs/architecture.md draws them.
 */
class LayersTest {
    private static final JavaClasses MAIN_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.sernn");

    static LayeredArchitecture layers() {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("foundation").definedBy("org.sernn", "org.sernn.io..", "org.sernn.linalg..",
                        "org.sernn.space..", "org.sernn.util..")
                .layer("model").definedBy("org.sernn.model..")
                .layer("neuron").definedBy("org.sernn.neuron..")
                .layer("sim").definedBy("org.sernn.sim..")
                .layer("task").definedBy("org.sernn.task..")
                .layer("train").definedBy("org.sernn.train..")
                .layer("hardware").definedBy("org.sernn.hardware..")
                .layer("export").definedBy("org.sernn.export..")
                .layer("analysis").definedBy("org.sernn.analysis..")
                .layer("report").definedBy("org.sernn.report..")
                .layer("cli").definedBy("org.sernn.cli..")
                .whereLayer("foundation").mayNotAccessAnyLayer()
                .whereLayer("model").mayOnlyAccessLayers("foundation")
                .whereLayer("neuron").mayOnlyAccessLayers("foundation", "model")
                .whereLayer("sim").mayOnlyAccessLayers("foundation", "model", "neuron")
                .whereLayer("task").mayOnlyAccessLayers("foundation", "model", "neuron", "sim")
                .whereLayer("train").mayOnlyAccessLayers("foundation", "model", "neuron", "sim", "task")
                .whereLayer("hardware").mayOnlyAccessLayers("foundation", "model", "neuron", "sim", "task", "train")
                .whereLayer("export").mayOnlyAccessLayers("foundation", "model", "neuron", "sim", "task", "train",
                        "hardware")
                .whereLayer("analysis").mayOnlyAccessLayers("foundation", "model", "neuron", "sim", "task", "train",
                        "hardware", "export")
                .whereLayer("report").mayOnlyAccessLayers("foundation", "model", "neuron", "sim", "task", "train",
                        "hardware", "export")
                .whereLayer("cli").mayOnlyAccessLayers("foundation", "model", "neuron", "sim", "task", "train",
                        "hardware", "export", "analysis", "report");
    }

    @Test
    void noPackagePointsBackUp() {
        layers().check(MAIN_CLASSES);
    }
}
