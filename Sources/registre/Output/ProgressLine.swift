import ArgumentParser
import Foundation
import RegistreCore

/// `--quiet`: no progress line on standard error.
struct ProgressOption: ParsableArguments {
    @Flag(help: "Show no progress on standard error, even on a terminal.")
    var quiet = false

    /// A progress line for this command: shown only when standard error is a terminal and not `--quiet`.
    func line(_ what: LocalizedText, total: Int? = nil, language: Language) -> ProgressLine {
        ProgressLine(what: what[language], total: total, shown: !quiet && isatty(STDERR_FILENO) == 1, language: language)
    }
}

/// The progress of long work on a large register, on standard error: entries done, their rate and, when
/// the total is known, the time left. Redrawn in place a few times a second and erased at the end, so
/// that it never mixes with the results; nothing at all when standard error is not a terminal (a
/// scheduled job, a file, a pipe) or with `--quiet`.
///
/// Unchecked `Sendable`: a line is advanced by the work it measures, which may run on the database's
/// queue while the command waits for it, never from two threads at once.
final class ProgressLine: @unchecked Sendable {
    private let what: String
    private let total: Int?
    private let shown: Bool
    private let language: Language
    private let started = ContinuousClock.now
    /// So that the first line is drawn as soon as there are entries enough to show.
    private var lastDrawn = ContinuousClock.now - .seconds(1)
    private var done = 0
    private var drawn = false

    /// Entries below this are done before anyone could read a line: nothing is drawn.
    private static let quietBelow = 2_000
    private static let interval = Duration.milliseconds(250)

    init(what: String, total: Int?, shown: Bool, language: Language) {
        self.what = what
        self.total = total
        self.shown = shown
        self.language = language
    }

    func advance(by count: Int = 1) {
        done += count
        guard shown, done >= Self.quietBelow else { return }
        let now = ContinuousClock.now
        guard now - lastDrawn >= Self.interval else { return }
        lastDrawn = now
        draw(elapsed: now - started)
    }

    /// Erases the line, if one was drawn.
    func finish() {
        guard drawn else { return }
        write("\r\u{1B}[2K")
        drawn = false
    }

    private func draw(elapsed: Duration) {
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let rate = seconds > 0 ? Double(done) / seconds : 0
        var text = "\(what) : \(Self.grouped(done))"
        if let total, total > 0 { text += " / \(Self.grouped(total))" }
        text += language == .fr ? " — \(Self.grouped(Int(rate))) par seconde" : " — \(Self.grouped(Int(rate))) per second"
        if let total, rate > 0, total > done {
            let left = Int((Double(total - done) / rate).rounded(.up))
            text += language == .fr ? " — encore \(Self.clock(left))" : " — \(Self.clock(left)) left"
        }
        write("\r\u{1B}[2K" + text)
        drawn = true
    }

    private func write(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Foundation.write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }

    static func grouped(_ number: Int) -> String {
        let digits = Array(String(number))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out += " " }
            out.append(digit)
        }
        return out
    }

    static func clock(_ seconds: Int) -> String {
        seconds >= 3600 ? String(format: "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
            : String(format: "%d:%02d", seconds / 60, seconds % 60)
    }
}
