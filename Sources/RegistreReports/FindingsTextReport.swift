public import RegistreCore

/// What `registre check` found, one line per finding so that `grep` and a scheduled job can read it,
/// then a count.
public enum FindingsTextReport {
    /// The text of `findings` in `language`, naming the register file checked (`source`).
    public static func render(_ findings: [Finding], source: String, language: Language) -> String {
        let errors = findings.filter { $0.severity == .error }.count
        let warnings = findings.filter { $0.severity == .warning }.count
        let view: [String: Any] = [
            "source": source,
            "findings": findings.map { finding -> [String: Any] in
                [
                    "severity": Vocabulary.label(finding.severity)[language],
                    "code": finding.code.rawValue,
                    "subject": finding.subject.description,
                    "article": finding.article,
                    "message": finding.message[language],
                ]
            },
            "errors": errors,
            "warnings": warnings,
            "clean": findings.isEmpty,
        ]
        return Templates.render("findings", language.rawValue, view, folded: false)
    }
}
