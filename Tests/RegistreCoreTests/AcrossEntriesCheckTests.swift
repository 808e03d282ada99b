import Foundation
import RegistreCore
import RegistreTestSupport
import Testing

/// The moment of a check three years and a month after the complete register's activity was created.
let afterThreeYears = Instant.parse("2029-02-06T10:00", timeZone: Instant.defaultTimeZone)!

/// The complete register with one more organisation, a French storage firm.
func withStorageFirm(_ register: Register) -> Register {
    var register = register
    register.organisations.append(Organisation(
        id: "stockage", name: "Stockage lyonnais", address: "Lyon", country: "FR",
        dpo: Contact(name: "DPO", email: "dpo@stockage.example")))
    return register
}

/// Issue 14's checks across entries, retention and DPIA criteria: each gap, built in the complete
/// register, fires its own rule and only it.
let acrossEntryBreakages: [Breakage] = [
    Breakage(.art28_3_no_agreement, "a processor no agreement binds to the controller, and none named",
             CompleteRegister.with(activity: { $0.processors.append(ProcessorEngagement(processor: "hebergeur", service: "Stockage")) })),
    Breakage(.art44_processor_transfer_unrecorded, "a processor in the US with no transfer in the activity, the agreement's SCCs named", severity: .warning,
             CompleteRegister.with(organisation: "anct") { $0.country = "US" }),
    Breakage(.art44_processor_transfer_unrecorded, "a sub-processor in the US, safeguarded by the agreement, not in the activity", severity: .warning,
             CompleteRegister.with(agreement: { $0.subProcessors[0].countries = ["FR", "US"]; $0.subProcessors[0].safeguard = .standardContractualClauses })),
    Breakage(.art28_4_sub_processor_lists, "the processor's record names a sub-processor the agreement does not",
             withStorageFirm(CompleteRegister.with(processorRecord: {
                 $0.subProcessors = [ProcessorEngagement(processor: "hebergeur", service: "Hébergement"), ProcessorEngagement(processor: "stockage", service: "Stockage")]
             }))),
    Breakage(.art28_4_sub_processor_lists, "the agreement lists a sub-processor the processor's record leaves out", severity: .warning,
             withStorageFirm(CompleteRegister.with(processorRecord: {
                 $0.subProcessors = [ProcessorEngagement(processor: "hebergeur", service: "Hébergement")]
             }) |> { register in
                 var register = register
                 register.agreements[0].subProcessors.append(SubProcessor(organisation: "stockage", engagedBy: "anct", service: "Stockage", countries: ["FR"]))
                 return register
             })),
    Breakage(.art5_1_e_retention_until_request, "kept until the person asks", severity: .warning,
             CompleteRegister.with(activity: { $0.retention = [RetentionPeriod(data: "Comptes", rule: .criterion("Jusqu’à ce que la personne demande la suppression de son compte"))] })),
    Breakage(.art5_1_e_retention_missing_for_data, "a period per category, one category without", severity: .warning,
             CompleteRegister.with(activity: {
                 $0.dataCategories = [Category("Identité"), Category("RIB")]
                 $0.retention = [RetentionPeriod(data: "Identité", rule: .duration(PeriodLength(5, .years), from: "la fin du contrat"))]
             })),
    Breakage(.art5_1_e_retention_until_request, "kept until consent is withdrawn", severity: .warning,
             CompleteRegister.with(activity: { $0.retention = [RetentionPeriod(rule: .criterion("Jusqu'au retrait du consentement"))] })),
    Breakage(.art5_1_e_retention_unlimited, "kept with no limit",
             CompleteRegister.with(activity: { $0.retention = [RetentionPeriod(rule: .criterion("Conservation illimitée"))] })),
    Breakage(.art5_1_e_retention_unlimited, "kept with no limit, between signs and a letter of another script",
             CompleteRegister.with(activity: { $0.retention = [RetentionPeriod(rule: .criterion("Δ « Illimitée »"))] })),
    Breakage(.art5_1_e_retention_unlimited, "retention still to be set",
             CompleteRegister.with(activity: { $0.retention = [RetentionPeriod(rule: .criterion("Durée non définie à ce jour"))] })),
    Breakage(.art35_criteria_from_data, "health data on a large scale, 'sensitive data' left out, DPIA not required",
             CompleteRegister.with(activity: {
                 $0.specialCategories = [SpecialCategoryData(.health, condition: .healthOrSocialCare)]
                 $0.impactAssessment = ImpactAssessment(criteria: [.largeScale], status: .notRequired)
             })),
    Breakage(.art35_criteria_from_data, "criminal-offence data, 'sensitive data' left out", severity: .warning,
             CompleteRegister.with(activity: {
                 $0.criminalOffenceData = CriminalOffenceData(description: "Casier", legalGround: "CPP art. 776")
                 $0.impactAssessment = ImpactAssessment(criteria: [.innovativeTechnology], status: .notRequired)
             })),
    Breakage(.art35_criteria_from_data, "pupils on a large scale, 'vulnerable data subjects' left out", severity: .warning,
             CompleteRegister.with(activity: {
                 $0.dataSubjects = [Category("Élèves des écoles de la commune")]
                 $0.impactAssessment = ImpactAssessment(criteria: [.largeScale], status: .notRequired)
             })),
    Breakage(.art24_1_review_overdue, "created three years and a month before the check, never reviewed", severity: .warning,
             now: afterThreeYears, CompleteRegister.register),
    Breakage(.art24_1_review_overdue, "reviewed 13 months before a check, in a register that sets one year", severity: .warning,
             now: afterThreeYears, CompleteRegister.with(activity: { $0.lastReviewed = CalendarDate(year: 2028, month: 1, day: 5) }) |> { register in
                 var register = register
                 register.reviewPeriod = PeriodLength(1, .years)
                 return register
             }),
]

@Suite("Checks across entries, retention and DPIA criteria (issue 14)")
struct AcrossEntriesCheckTests {
    @Test("each gap fires its own rule, and only that rule", arguments: acrossEntryBreakages)
    func fires(_ breakage: Breakage) throws {
        let findings = RegisterCheck.findings(in: breakage.register, now: breakage.now)
        let finding = try #require(findings.first { $0.code == breakage.code }, "no \(breakage.code) in \(findings.map(\.code))")
        #expect(finding.severity == breakage.severity)
        #expect(finding.article.hasPrefix("Art. "))
        #expect(!finding.message.fr.isEmpty && !finding.message.en.isEmpty && finding.message.fr != finding.message.en)
        #expect(Set(findings.map(\.code)) == [breakage.code], "other rules fired too: \(findings.map(\.code))")
    }

    func codes(_ register: Register, now: Date? = nil) -> Set<FindingCode> {
        Set(RegisterCheck.findings(in: register, now: now).map(\.code))
    }

    @Test("a processor covered by a structure's agreement, by the activity's own reference, or engaged by the controller as a sub-processor, is quiet")
    func coveredProcessors() {
        let named = CompleteRegister.with(activity: {
            $0.processors.append(ProcessorEngagement(processor: "hebergeur", service: "Stockage", agreement: "Contrat d'hébergement du 2 mars 2026"))
        })
        #expect(codes(named) == [])
        var structure = CompleteRegister.register
        structure.organisations.append(Organisation(id: "cdg", name: "Centre de gestion", members: ["commune"]))
        structure.agreements[0].controllers = ["cdg"]
        #expect(!codes(structure).contains(.art28_3_no_agreement))
        // The sample's case: ANCT, controller of its own accounts, hosted by the sub-processor it engaged.
        var engagedByController = CompleteRegister.register
        engagedByController.activities[0].controller = "anct"
        engagedByController.activities[0].processors = [ProcessorEngagement(processor: "hebergeur", service: "Hébergement")]
        #expect(!codes(engagedByController).contains(.art28_3_no_agreement))
    }

    @Test("an agreement with another controller does not cover the activity")
    func otherControllersAgreement() {
        let register = CompleteRegister.with(agreement: { $0.controllers = ["hebergeur"] })
        #expect(codes(register).contains(.art28_3_no_agreement))
    }

    @Test("locations outside the EEA recorded as transfers, or inside it, are quiet", arguments: ["US", "RE", "NO"])
    func recordedTransfers(_ country: String) {
        var register = CompleteRegister.with(organisation: "anct") { $0.country = country }
        register.activities[0].transfers = [Transfer(recipient: "ANCT", destination: .country(country), safeguard: .standardContractualClauses)]
        #expect(codes(register) == [])
    }

    @Test("a sub-processor outside the EEA with neither safeguard nor transfer is an error on both sides")
    func unsafeguardedSubProcessor() throws {
        let findings = RegisterCheck.findings(in: CompleteRegister.with(agreement: { $0.subProcessors[0].countries = ["IN"] }))
        #expect(Set(findings.map(\.code)) == [.art44_sub_processor_safeguard, .art44_processor_transfer_unrecorded])
        let across = try #require(findings.first { $0.code == .art44_processor_transfer_unrecorded })
        #expect(across.severity == .error)
        #expect(across.subject == Finding.Subject(.activity, "rdv"))
        #expect(across.message.fr.contains("Inde") && across.message.en.contains("India"))
        #expect(across.message.fr.contains("Espace économique européen"))
    }

    @Test("a processor seated outside the EEA: a warning when the agreement's transfer terms give a safeguard, an error when nothing does")
    func processorSeatOutsideTheEEA() throws {
        func finding(_ terms: TransferTerms?) throws -> Finding {
            var register = CompleteRegister.with(organisation: "anct") { $0.country = "US" }
            register.agreements[0].transferTerms = terms
            return try #require(RegisterCheck.findings(in: register).first { $0.code == .art44_processor_transfer_unrecorded })
        }
        #expect(try finding(TransferTerms(mechanisms: [.standardContractualClauses])).severity == .warning)
        #expect(try finding(nil).severity == .error)
    }

    @Test("two sub-processors in one country: the one without a safeguard is not hidden by the one with it")
    func oneFindingPerPartyAndCountry() {
        var register = CompleteRegister.with(agreement: {
            $0.subProcessors[0].countries = ["US"]
            $0.subProcessors[0].safeguard = .standardContractualClauses
        })
        var second = register.agreements[0].subProcessors[0]
        second.organisation = "anct"
        second.safeguard = nil
        register.agreements[0].subProcessors.append(second)
        let across = RegisterCheck.findings(in: register).filter { $0.code == .art44_processor_transfer_unrecorded }
        #expect(across.count == 2 && Set(across.map(\.severity)) == [.error, .warning])
    }

    @Test("sub-processor lists that agree, or a record that names none, are quiet")
    func agreeingLists() {
        let same = CompleteRegister.with(processorRecord: { $0.subProcessors = [ProcessorEngagement(processor: "hebergeur", service: "H")] })
        #expect(codes(same) == [])
        #expect(CompleteRegister.processorRecord.subProcessors.isEmpty)
        #expect(codes(CompleteRegister.register) == [])
    }

    @Test("retention with an outer limit, or ended by someone else's request, or archived for good, is quiet", arguments: [
        "Jusqu'à leur suppression par l'utilisateur, et au plus tard à la fin du contrat (31 décembre 2028)",
        "Durée d'activité du compte ; suppression à la demande de la structure de mutualisation ou à la fin du contrat",
        "Archivage définitif, Code du patrimoine art. L212-2",
        "Durée de la relation, sans finalité commerciale au-delà",
        "Pendant toute sa vie professionnelle au sein de la collectivité",
        "Until the person asks, and at the latest two years after the last contact",
        "3 ans à compter du dernier contact ou jusqu'au retrait du consentement",
        "Conservation illimitée (archives publiques, Code du patrimoine)",
        // Words of other scripts are words too: "sans fin" is not in "sans finδ", nor "a vie" in "ωa vie".
        "Tri sans finδ, puis ωa vie",
    ])
    func boundedRetention(_ criterion: String) {
        let register = CompleteRegister.with(activity: { $0.retention = [RetentionPeriod(rule: .criterion(criterion))] })
        #expect(codes(register) == [])
    }

    @Test("a change applied inside the objection window is quiet once the controller said 'no objection' before it (Art. 28(2))")
    func acceptedBeforeApplied() {
        func register(decided: CalendarDate?) -> Register {
            CompleteRegister.with(agreement: {
                $0.subProcessorAuthorisation?.noticePeriod = DeadlinePeriod(15, .days)
                $0.changeNotices = [SubProcessorChange(id: "ajout-sms", kind: .addition, subProcessor: "hebergeur",
                                                       noticeDate: CalendarDate(year: 2026, month: 3, day: 2)!, outcome: .accepted,
                                                       applied: CalendarDate(year: 2026, month: 3, day: 17), decided: decided)]
            })
        }
        #expect(!codes(register(decided: CalendarDate(year: 2026, month: 3, day: 10))).contains(.art28_2_change_before_deadline))
        #expect(codes(register(decided: nil)).contains(.art28_2_change_before_deadline))
        #expect(codes(register(decided: CalendarDate(year: 2026, month: 3, day: 18))).contains(.art28_2_change_before_deadline))
    }

    @Test("DPIA criteria: listed, or a DPIA done, or no vulnerable people, or not at large scale, is quiet", arguments: [
        ImpactAssessment(criteria: [.largeScale, .sensitiveOrHighlyPersonalData], status: .done),
        ImpactAssessment(criteria: [.largeScale], status: .done),
        ImpactAssessment(criteria: [.sensitiveOrHighlyPersonalData], status: .notRequired),
    ])
    func dpiaCriteriaQuiet(_ assessment: ImpactAssessment) {
        let register = CompleteRegister.with(activity: {
            $0.specialCategories = [SpecialCategoryData(.health, condition: .healthOrSocialCare)]
            $0.impactAssessment = assessment
        })
        #expect(codes(register) == [])
        let pupilsSmall = CompleteRegister.with(activity: {
            $0.dataSubjects = [Category("Élèves", code: "dpv:Child")]
            $0.impactAssessment = ImpactAssessment(criteria: [.innovativeTechnology], status: .notRequired)
        })
        #expect(codes(pupilsSmall) == [])
    }

    @Test("vulnerable data subjects are known by their DPV code or unmistakable words", arguments: [
        (Category("Usagers"), false), (Category("Patients du centre de santé"), true), (Category("Bénéficiaires", code: "dpv:VulnerableDataSubject"), true),
        (Category("Personnes âgées résidant en EHPAD"), true), (Category("Agents"), false), (Category("Patientèle"), false),
        (Category("Représentants légaux des enfants"), false), (Category("Familles des patients"), false),
        (Category("Parents d'élèves"), false),
    ])
    func vulnerable(_ category: Category, _ expected: Bool) {
        #expect(category.namesVulnerablePeople == expected)
    }

    @Test("review: on the last day of the period, retired, with no date or no moment, is quiet")
    func reviewQuiet() {
        let lastDay = Instant.parse("2029-01-05T23:00", timeZone: Instant.defaultTimeZone)!
        #expect(codes(CompleteRegister.register, now: lastDay) == [])
        #expect(codes(CompleteRegister.with(activity: { $0.status = .retired }), now: afterThreeYears) == [])
        #expect(codes(CompleteRegister.with(activity: { $0.created = nil }), now: afterThreeYears) == [])
        #expect(codes(CompleteRegister.register) == [])
        #expect(codes(CompleteRegister.with(activity: { $0.lastReviewed = CalendarDate(year: 2028, month: 6, day: 1) }), now: afterThreeYears) == [])
    }

    @Test("a review period set through the library, however long, is held to the supported range, not a trap; a short one fires")
    func reviewPeriodHeld() {
        var huge = CompleteRegister.register
        huge.reviewPeriod = PeriodLength(Int.max, .years)
        #expect(!codes(huge, now: afterThreeYears).contains(.art24_1_review_overdue))
        var short = CompleteRegister.register
        short.reviewPeriod = PeriodLength(1, .years)
        #expect(codes(short, now: afterThreeYears).contains(.art24_1_review_overdue))
    }

    @Test("the rules across entries run after every entry, and not at all for a command that asks only for other rules")
    func order() {
        var register = CompleteRegister.with(activity: { $0.processors.append(ProcessorEngagement(processor: "hebergeur", service: "S")) })
        register.activities[0].purposes = []
        let findings = RegisterCheck.findings(in: register)
        #expect(findings.map(\.code) == [.art30_1_b_purposes, .art28_3_no_agreement])
        #expect(RegisterCheck.findings(in: register, rules: RegisterCheck.breachTimelineRules) == [])
        var streaming = StreamingCheck()
        for entry in register.entries { streaming.consume(entry) }
        #expect(streaming.findings == findings)
    }
}

@Suite("Art. 27 representative only where Art. 3(2) applies (issue 14)")
struct JurisdictionTests {
    func representative(_ change: (inout Organisation) -> Void) -> Finding? {
        RegisterCheck.findings(in: CompleteRegister.with(organisation: "commune") { $0.isPublicBody = false; change(&$0) })
            .first { $0.code == .art30_1_a_representative }
    }

    @Test("an English council, a public body, needs no representative (Art. 27(2)(b)), wherever it is")
    func publicBody() {
        let register = CompleteRegister.with(organisation: "commune") { $0.country = "GB" }
        #expect(RegisterCheck.findings(in: register) == [])
    }

    @Test("a firm established in the EEA, by its seat or an establishment, needs none")
    func established() {
        #expect(representative { $0.country = "US"; $0.establishments = ["IE"] } == nil)
        #expect(representative { $0.country = "FR" } == nil)
        #expect(representative { $0.country = "GP" } == nil)
    }

    @Test("a firm recorded as neither offering to nor monitoring people in the Union is outside Art. 3(2)")
    func notTargeting() {
        #expect(representative { $0.country = "GB"; $0.targetsUnion = false } == nil)
    }

    @Test("a firm that targets the Union from outside needs one; where the register is silent the DPO is asked")
    func targeting() throws {
        let targets = try #require(representative { $0.country = "US"; $0.establishments = ["CH"]; $0.targetsUnion = true })
        #expect(targets.severity == .warning)
        #expect(targets.message.fr.contains("États-Unis") && !targets.message.fr.contains("(US)"))
        #expect(!targets.message.en.contains("Art. 3(2)"))
        let silent = try #require(representative { $0.country = "US" })
        #expect(silent.message.en.contains("Art. 3(2)") && silent.message.fr.contains("art. 3(2)"))
        #expect(representative { $0.country = "US"; $0.euRepresentative = Contact(name: "Rep", email: "rep@eu.example") } == nil)
    }

    @Test("ISO 3166-1 alpha-2: 249 codes; EU, EEA, UK and user-assigned codes are not countries")
    func codes() {
        #expect(CountryCode.all.count == 249)
        for code in ["EU", "EEA", "UK", "XK", "ZZ", "fr"] { #expect(CountryCode.refusal(of: code, field: "country") != nil, "\(code)") }
        for code in ["FR", "GB", "US", "RE"] { #expect(CountryCode.refusal(of: code, field: "country") == nil) }
        #expect(CountryCode.refusal(of: "EU", field: "country")?.fr.contains("n'est pas un pays") == true)
        #expect(CountryCode.name("US", in: .fr) == "États-Unis")
        #expect(CountryCode.name("US", in: .en) == "United States")
    }
}
