import ArgumentParser
import Foundation
import RegistreCore
import RegistreStore
import RegistreXML

/// The register a command reads: a file, or the register of record (`--db`), possibly as it stood at a
/// past moment (`--as-of`). A register that cannot be read throws `RegisterReadError` (one located line
/// per problem) or `StoreError`.
struct RegisterInput: ParsableArguments {
    @Argument(help: "A register file: registre XML, or an OpenDocument spreadsheet in the CNIL's model. Without it, the register database is read.")
    var file: String?

    @OptionGroup var store: StoreOptions
    @OptionGroup var source: SourceOption

    @Option(name: .customLong("as-of"), help: ArgumentHelp(
        "With the database: the register as it stood at this moment, a day (its end) or a date-time (Europe/Paris time without an offset).",
        valueName: "date"))
    var asOf: InstantArgument?

    func validate() throws {
        if file != nil && store.db != nil { throw ValidationError("give a register FILE or --db, not both") }
        if file != nil && asOf != nil { throw ValidationError("--as-of reads the register database: give --db instead of a FILE") }
    }

    /// Whether the register can be streamed twice: the database, or a regular file (not a pipe).
    var canBeReadTwice: Bool {
        guard let file else { return true }
        var status = stat()
        return stat(file, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
    }

    /// What reports call the source.
    var name: String { file ?? store.path }

    func read() throws -> Register {
        if let file { return try RegisterFile.read(file: file, from: source) }
        let database = try store.open(.readOnly)
        if let moment = asOf?.end { return try database.register(asOf: moment) }
        return try database.register()
    }

    /// What a command about one entry needs: from a file, the register; from the database, that entry and
    /// the entries it names (and theirs), read through the index whatever the register's size.
    func read(around key: EntityKey?) throws -> Register {
        guard let key, file == nil, asOf == nil else { return try read() }
        return try store.open(.readOnly).register(around: [key])
    }

    /// What a command about some kinds of entry needs: from a file or a past moment, the register; from
    /// the database, the entries of those kinds only.
    func read(only kinds: Set<EntityKind>) throws -> Register {
        guard file == nil, asOf == nil else { return try read() }
        let database = try store.open(.readOnly)
        var register = Register()
        try database.stream(only: kinds) { register.append($0) }
        return register
    }

    /// What a command that reads part of the register needs: from a file or a past moment, the register;
    /// from the database, what `part` reads of the register of record (`RegisterDeadlines.register(of:namedOnly:)`).
    func read(_ part: (RegisterStore) throws -> Register) throws -> Register {
        guard file == nil, asOf == nil else { return try read() }
        return try part(store.open(.readOnly))
    }

    /// The register one entry at a time, in memory that does not grow with it. Nothing is final until
    /// this returns: a file found invalid at its end throws after entries were handed over.
    func stream(_ consume: (RegisterEntry) -> Void) throws {
        try withEntries { try $0.forEach(consume) }
    }

    /// Runs `body` with the register's entries as a cursor, in memory that does not grow with it: a
    /// file's, read as `body` asks, or the database's, inside one read transaction (as it stands, or at
    /// `--as-of`). The register's errors (a file found invalid, even at its end; a database that cannot
    /// answer) and `body`'s own come out where `body` pulls, as they are.
    /// Runs `body` with what the database can read before the rest, by kind (the entries of `kinds`,
    /// read whole), and a cursor over the register, both from one read transaction, so that they are one
    /// state of the register. For a file or a past moment, read in one pass, nothing is read ahead (nil).
    func withEntries<T>(readingAhead kinds: Set<EntityKind>, _ body: (Register?, any RegisterCursor) throws -> T) throws -> T {
        guard file == nil, asOf == nil else { return try withEntries { try body(nil, $0) } }
        return try store.open(.readOnly).withEntries(readingAhead: kinds) { try body($0, $1) }
    }

    func withEntries<T>(_ body: (any RegisterCursor) throws -> T) throws -> T {
        if let file { return try body(try RegisterFile.cursor(file: file, from: source)) }
        let database = try store.open(.readOnly)
        if let moment = asOf?.end { return try database.withEntries(asOf: moment) { try body($0) } }
        return try database.withEntries { try body($0) }
    }
}
