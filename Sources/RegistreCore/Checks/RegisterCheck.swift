/// Runs every rule over a register.
///
/// Findings come in the order of the register (organisations, then activities, then processor records,
/// each in the order it is written), and for one entry in the order of the articles, so that two runs over
/// the same register print the same lines.
public enum RegisterCheck {
    public static let rules: [Rule] =
        ControllerRecordRules.all + LawfulnessRules.all + ImpactAssessmentRules.all + ProcessorRecordRules.all

    public static func findings(in register: Register, rules: [Rule] = RegisterCheck.rules) -> [Finding] {
        var findings: [Finding] = []
        func record(_ gaps: [Rule.Gap], _ rule: Rule, _ subject: Finding.Subject) {
            findings += gaps.map {
                Finding(code: rule.code, severity: $0.severity, subject: subject, article: rule.article, message: $0.message)
            }
        }
        for organisation in register.organisations {
            for rule in rules {
                if case .organisation(let inspect) = rule.inspection {
                    record(inspect(organisation, register), rule, .init(.organisation, organisation.id))
                }
            }
        }
        for activity in register.activities {
            for rule in rules {
                if case .activity(let inspect) = rule.inspection {
                    record(inspect(activity, register), rule, .init(.activity, activity.id))
                }
            }
        }
        for processorRecord in register.processorRecords {
            for rule in rules {
                if case .processorRecord(let inspect) = rule.inspection {
                    record(inspect(processorRecord, register), rule, .init(.processorRecord, processorRecord.id))
                }
            }
        }
        return findings
    }
}
