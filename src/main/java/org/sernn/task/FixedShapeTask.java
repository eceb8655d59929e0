package org.sernn.task;

/** A task whose name, channel count, class count and trial length are fixed constants. */
abstract class FixedShapeTask implements Task {
    private final String name;
    private final int inputChannels;
    private final int classes;
    private final int taskSteps;

    FixedShapeTask(String name, int inputChannels, int classes, int taskSteps) {
        this.name = name;
        this.inputChannels = inputChannels;
        this.classes = classes;
        this.taskSteps = taskSteps;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final int inputChannels() {
        return inputChannels;
    }

    @Override
    public final int classes() {
        return classes;
    }

    @Override
    public final int taskSteps() {
        return taskSteps;
    }
}
