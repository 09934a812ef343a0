package org.huyou.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * A command right under {@code huyou}: its parent holds the options every command shares (data folder, user,
 * {@code --json}, the clock), its spec the output and error streams and its usage.
 */
abstract class HuyouSubcommand implements Callable<Integer> {

    @ParentCommand
    HuyouCli parent;

    @Spec
    CommandSpec spec;
}
