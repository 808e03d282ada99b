import ArgumentParser

/// Every command of registre with the words that run it (`["breach", "open"]`), walked from
/// `Registre.configuration`: what the tests go through to pin each command's `--help` and to check that
/// each command that runs has `--lang`.
enum CommandTree {
    static var commands: [(path: [String], command: any ParsableCommand.Type)] {
        walk(Registre.self, path: [])
    }

    private static func walk(_ command: any ParsableCommand.Type, path: [String]) -> [(path: [String], command: any ParsableCommand.Type)] {
        [(path, command)] + command.configuration.subcommands.flatMap { sub in
            walk(sub, path: path + [sub.configuration.commandName ?? sub._commandName])
        }
    }
}
