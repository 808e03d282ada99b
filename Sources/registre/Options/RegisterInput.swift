import ArgumentParser
import Foundation
import RegistreCore
import RegistreStore
import RegistreXML

/// The register a command reads: a file, or the register of record (`--db`), possibly as it stood at a
/// past moment (`--as-of`). Stops the command with status 2 and one located line per problem when the
/// register cannot be read.
struct RegisterInput: ParsableArguments {
    @Argument(help: "A register file: registre XML, or an OpenDocument spreadsheet in the CNIL's model. Without it, the register database is read.")
    var file: String?

    @OptionGroup var store: StoreOptions
    @OptionGroup var source: SourceOption

    @Option(name: .customLong("as-of"), help: ArgumentHelp(
        "With the database: the register as it stood at this moment (a day means its end, Europe/Paris time).",
        valueName: "date"))
    var asOf: String?

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
        if let file { return try Self.read(file: file, from: source.from) }
        let moment = try asOf.map { try InstantArgument.parse($0, option: "--as-of", day: .endOfDay) }
        return try withDatabase { database in
            if let moment { return try database.register(asOf: moment) }
            return try database.register()
        }
    }

    /// What a command about one entry needs: from a file, the register; from the database, that entry and
    /// the entries it names (and theirs), read through the index whatever the register's size.
    func read(around key: EntityKey?) throws -> Register {
        guard let key, file == nil, asOf == nil else { return try read() }
        return try withDatabase { try $0.register(around: [key]) }
    }

    /// What a command about some kinds of entry needs: from a file or a past moment, the register; from
    /// the database, the entries of those kinds only.
    func read(only kinds: Set<EntityKind>) throws -> Register {
        guard file == nil, asOf == nil else { return try read() }
        return try withDatabase { database in
            var register = Register()
            try database.stream(only: kinds) { register.append($0) }
            return register
        }
    }

    /// What the database can read before the rest, by kind: the entries of `kinds`. Nil for a file or a
    /// past moment, which are read in one pass.
    func readAhead(_ kinds: Set<EntityKind>) throws -> Register? {
        guard file == nil, asOf == nil else { return nil }
        return try read(only: kinds)
    }

    /// What a command about some kinds of entry and some organisations' activities needs: from a file or
    /// a past moment, the register; from the database, the entries of those kinds, then the activities of
    /// the organisations `controllers` names from them, read through the index on activities' controllers.
    func read(only kinds: Set<EntityKind>, activitiesOf controllers: (Register) -> [EntityID]) throws -> Register {
        guard file == nil, asOf == nil else { return try read() }
        return try withDatabase { database in
            var register = Register()
            try database.stream(only: kinds) { register.append($0) }
            for controller in controllers(register) {
                try database.forEachActivity(controlledBy: controller) { register.activities.append($0) }
            }
            return register
        }
    }

    /// The register one entry at a time, in memory that does not grow with it. Nothing is final until
    /// this returns: a file found invalid at its end throws after entries were handed over.
    func stream(_ consume: (RegisterEntry) -> Void) throws {
        try withEntries { try $0.forEach(consume) }
    }

    /// Runs `body` with the register's entries as a cursor, in memory that does not grow with it: a
    /// file's, read as `body` asks, or the database's, inside one read transaction. A problem of the
    /// register (a file found invalid, even at its end; a database that cannot answer) stops the command
    /// with status 2 and its located lines; what `body` throws of its own comes out unchanged.
    func withEntries<T>(_ body: (any RegisterCursor) throws -> T) throws -> T {
        if let file { return try Self.withEntries(file: file, from: source.from, body) }
        let moment = try asOf.map { try InstantArgument.parse($0, option: "--as-of", day: .endOfDay) }
        let database = try store.open(.readOnly)
        do {
            let read = { (entries: StoredEntryCursor) throws -> T in try MarkedCursor.run(entries, body) }
            if let moment { return try database.withEntries(asOf: moment, read) }
            return try database.withEntries(read)
        } catch let own as MarkedCursor.OwnFailure {
            throw own.error
        } catch {
            Console.error(database.describe((error as? MarkedCursor.SourceFailure)?.error ?? error))
            throw ExitStatus.unreadableInput
        }
    }

    /// ``withEntries(_:)`` for a file given apart from the options (`import FILE`).
    static func withEntries<T>(file: String, from source: RegisterSource = .registre, _ body: (any RegisterCursor) throws -> T) throws -> T {
        do {
            return try MarkedCursor.run(try RegisterFile.cursor(file: file, from: source), body)
        } catch let own as MarkedCursor.OwnFailure {
            throw own.error
        } catch {
            let problem = (error as? MarkedCursor.SourceFailure)?.error ?? error
            Console.error((problem as? RegisterReadError)?.description ?? "\(file): \(problem)")
            throw ExitStatus.unreadableInput
        }
    }

    /// Opens the register of record read-only and runs `body`, stopping the command with status 2 and
    /// one line (`database busy…` when the lock was held too long) when the database cannot answer.
    private func withDatabase<T>(_ body: (RegisterStore) throws -> T) throws -> T {
        let database = try store.open(.readOnly)
        do {
            return try body(database)
        } catch {
            Console.error(database.describe(error))
            throw ExitStatus.unreadableInput
        }
    }

    static func read(file: String, from source: RegisterSource = .registre) throws -> Register {
        do {
            return try RegisterFile.read(file: file, from: source)
        } catch {
            Console.error(error.description)
            throw ExitStatus.unreadableInput
        }
    }
}

/// A cursor whose errors are marked as the register's, so that what the body reading it throws of its
/// own is told apart from them once both have crossed the reading.
private final class MarkedCursor: RegisterCursor {
    struct SourceFailure: Error { var error: any Error }
    struct OwnFailure: Error { var error: any Error }

    private let base: any RegisterCursor

    private init(_ base: any RegisterCursor) { self.base = base }

    func next() throws -> RegisterEntry? {
        do { return try base.next() } catch { throw SourceFailure(error: error) }
    }

    /// Runs `body` on `entries`, its errors marked: the register's as ``SourceFailure``, its own as
    /// ``OwnFailure``.
    static func run<T>(_ entries: any RegisterCursor, _ body: (any RegisterCursor) throws -> T) throws -> T {
        do {
            return try body(MarkedCursor(entries))
        } catch let failure as SourceFailure {
            throw failure
        } catch {
            throw OwnFailure(error: error)
        }
    }
}
