public import Foundation

/// Runs every rule over a register.
///
/// Findings come in the order of the register (organisations, then activities, then processor records,
/// each in the order it is written), and for one entry in the order of the articles, so that two runs over
/// the same register print the same lines.
public enum RegisterCheck {
    /// Every rule, in the order a DPO reads a register sheet: identification (a), purposes (b), the
    /// grounds for lawfulness, data (c), recipients (d), transfers (e), retention (f), security (g),
    /// processors, DPIA; then the processor's record.
    public static let rules: [Rule] = {
        let controller = ControllerRecordRules.self
        let lawfulness = LawfulnessRules.self
        return [
            controller.controllerKnown, controller.controllerContact, controller.dataProtectionOfficer,
            controller.euRepresentative, controller.jointArrangement, controller.purposes,
            lawfulness.legalBasis, lawfulness.legitimateInterestsOfPublicBody,
            controller.dataSubjects, controller.dataCategories,
            lawfulness.specialCategoryCondition, lawfulness.criminalOffenceGround,
            controller.recipients, controller.transferSafeguard, controller.transferDocumentation,
            controller.retention, controller.openEndedRetention, controller.securityMeasures,
            controller.processorKnown,
        ] + ImpactAssessmentRules.all + ProcessorRecordRules.all + AgreementRules.all + SubProcessorRules.all
            + MatrixRules.all + AuditRules.all + BreachRules.all
    }()

    /// `now` is the moment the check is made, for the rules that ask whether something is late; without
    /// it, those rules only judge what the register itself dates.
    public static func findings(in register: Register, now: Date? = nil, rules: [Rule] = RegisterCheck.rules) -> [Finding] {
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
        for agreement in register.agreements {
            for rule in rules {
                if case .agreement(let inspect) = rule.inspection {
                    record(inspect(agreement, register), rule, .init(.agreement, agreement.id))
                }
            }
        }
        for matrix in register.matrices {
            for rule in rules {
                if case .matrix(let inspect) = rule.inspection {
                    record(inspect(matrix, register), rule, .init(.matrix, matrix.id))
                }
            }
        }
        for audit in register.audits {
            for rule in rules {
                if case .audit(let inspect) = rule.inspection {
                    record(inspect(audit, register), rule, .init(.audit, audit.id))
                }
            }
        }
        for breach in register.breaches {
            for rule in rules {
                if case .breach(let inspect) = rule.inspection {
                    record(inspect(breach, register, now), rule, .init(.breach, breach.id))
                }
            }
        }
        return findings
    }
}
