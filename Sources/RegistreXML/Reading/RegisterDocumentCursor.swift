public import RegistreCore

/// The entries of a register file, read, validated and decoded one at a time as the caller asks for
/// them: ``RegisterReader/cursor(file:)``.
///
/// Memory does not grow with the document. A problem found later (an invalid reference, a truncated file)
/// makes the whole register unreadable: ``next()`` throws it when it is found, at the latest at the end,
/// so a caller holds back what it does with the entries (a transaction it rolls back) until `next()` has
/// returned nil. Dropping the cursor before the end stops the reading and closes the file.
public final class RegisterDocumentCursor: RegisterCursor {
    private let walk: DocumentWalk
    private var decoder: RegisterDecoder
    private var identity = IdentityCheck()
    private var sawTitle = false
    private var sawEntry = false
    /// An entry read while the title its register lacked was handed over first.
    private var pending: RegisterEntry?
    /// The title read, held until the next element shows whether a review period completes it.
    private var heldTitle: RegisterEntry?
    private var ended = false

    init(_ walk: DocumentWalk) {
        self.walk = walk
        decoder = RegisterDecoder(file: walk.file)
    }

    /// The next entry of the register, in the order of the document; nil at its end, once the whole
    /// document has been found valid, and after an error.
    ///
    /// A register without a title gives `.title(nil)` first, as ``RegisterReader/read(file:)`` does.
    /// - Throws: ``RegisterReadError`` with every problem found, located, as ``RegisterReader/read(file:)``:
    ///   what libxml2 or the schema refuses, when the reader meets it or at the end of the document; what
    ///   the decoder and the identity checks find, at the end.
    public func next() throws(RegisterReadError) -> RegisterEntry? {
        if let pending {
            self.pending = nil
            return pending
        }
        guard !ended else { return nil }
        do throws(RegisterReadError) {
            while let node = try walk.next() {
                if node.name == "review-period", let header = completedTitle(decoder.reviewPeriod(node)) { return header }
                guard let entry = decoder.entry(node) else { continue }
                identity.record(entry, line: node.line)
                defer { sawEntry = true }
                if let held = heldTitle {
                    heldTitle = nil
                    pending = entry
                    return held
                }
                if case .title = entry {
                    sawTitle = true
                    heldTitle = entry
                    continue
                } else if !sawTitle && !sawEntry {
                    pending = entry
                    return .title(nil)
                }
                return entry
            }
            if let held = heldTitle {
                heldTitle = nil
                return held
            }
            ended = true
            try finish()
            return nil
        } catch {
            ended = true
            throw error
        }
    }

    /// The title entry a `<review-period>` completes: the one held, or a title of its own when the register
    /// has none (the schema puts the review period right after the title, before any other entry).
    private func completedTitle(_ period: PeriodLength?) -> RegisterEntry? {
        if case .title(let title, _)? = heldTitle {
            heldTitle = nil
            return .title(title, reviewPeriod: period)
        }
        guard !sawTitle, !sawEntry else { return nil }
        sawTitle = true
        sawEntry = true
        return .title(nil, reviewPeriod: period)
    }

    /// What only the whole document shows: its root, the decoder's diagnostics, identifiers used twice or
    /// named without an entry.
    private func finish() throws(RegisterReadError) {
        let file = walk.file
        if let root = walk.root, root.name != "register" {
            throw RegisterReadError([XMLDiagnostic(file: file, line: root.line, message: "expected a <register> document, found <\(root.name)>")])
        }
        identity.finish()
        let problems = identity.problems.map { XMLDiagnostic(file: file, line: $0.line, message: $0.message) }
        let decoded = decoder.diagnostics
        let all = (decoded.kept + problems).sorted { ($0.line ?? 0) < ($1.line ?? 0) }
        if !all.isEmpty { throw RegisterReadError(all, omitted: decoded.omitted + identity.omittedProblems) }
    }
}
