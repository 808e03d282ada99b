import Foundation
import RegistreCore
@testable import RegistreReports
import RegistreTestSupport
import RegistreXML
import Testing

/// The activity's section is written by code (`ActivityText`), not by its template: its text must be the
/// bytes the template `register-activity` gives, which stays the layout's reference. Compared on
/// generated registers (every optional item present or not, line breaks, controls, escapes) and on the
/// cases the generator does not make (models, hostile values, long lines, unknown parties).
@Suite("The activity's section written without a template")
struct ActivityTextTests {
    /// The section as the template renders it.
    static func templated(_ activity: ProcessingActivity, in register: Register, language: Language, folded: Bool) -> String {
        let view = RegisterView(language: language, lookup: { register.organisation($0) })
        return Templates.render("register-activity", language.rawValue, view.activity(activity), folded: folded, endsLine: false)
    }

    static func expectSame(_ activity: ProcessingActivity, in register: Register, sourceLocation: SourceLocation = #_sourceLocation) {
        for language in Language.allCases {
            for folded in [true, false] {
                let writer = RegisterTextWriter(language: language, organisation: { register.organisation($0) }, folded: folded)
                let written = writer.activity(activity)
                let expected = templated(activity, in: register, language: language, folded: folded)
                #expect(written == expected, "\(activity.id), \(language), folded: \(folded)", sourceLocation: sourceLocation)
                if written != expected { return }
            }
        }
    }

    @Test("the template's bytes for every activity of generated registers", arguments: 1...60)
    func generated(seed: UInt64) {
        var generator = RegisterGenerator(seed: seed)
        let register = generator.register()
        for activity in register.activities { Self.expectSame(activity, in: register) }
    }

    @Test("the template's bytes for the samples' activities")
    func samples() throws {
        for sample in Repository.sampleRegisters {
            let register = try RegisterReader.read(file: sample)
            for activity in register.activities { Self.expectSame(activity, in: register) }
        }
    }

    @Test("an assessment without a status is printed as not recorded, not with the activity's status; with one, its own")
    func assessmentStatus() {
        var activity = ProcessingActivity(id: "a", name: "Cantine", controller: "c")
        activity.status = .active
        activity.impactAssessment = ImpactAssessment(criteria: [], status: nil, completed: nil, reference: nil)
        let register = Register(activities: [activity])
        for (language, line) in [(Language.fr, "  Statut : non renseigné"), (.en, "  Status: not recorded")] {
            let text = Self.templated(activity, in: register, language: language, folded: false)
            #expect(text.split(separator: "\n").contains { $0 == line }, "\(language)")
        }
        activity.impactAssessment?.status = .required
        let required = Self.templated(activity, in: Register(activities: [activity]), language: .fr, folded: false)
        #expect(required.split(separator: "\n").contains { $0.hasPrefix("  Statut : ") && !$0.hasSuffix("non renseigné") })
        Self.expectSame(activity, in: Register(activities: [activity]))
    }

    @Test("the template's bytes for a model, a follower with and without its own items, an assessment without status")
    func models() {
        var register = CompleteRegister.register
        var model = register.activities[0]
        model.modelRole = .model
        var follower = register.activities[0]
        follower.modelRole = .follows(ModelLink(model: model.id, ownItems: [.purposes, .retention]))
        var plain = register.activities[0]
        plain.modelRole = .follows(ModelLink(model: "modele-absent"))
        plain.impactAssessment = ImpactAssessment(criteria: [], status: nil, completed: nil, reference: nil)
        register.activities = [model, follower, plain]
        for activity in register.activities { Self.expectSame(activity, in: register) }
    }

    @Test("the template's bytes for hostile values: line breaks, controls, bidi marks, long words, unknown parties")
    func hostile() {
        let forgery = "\nÉtat                      : notifiée\u{1}\u{1B}[2J\r\n\u{85}\u{202E}\u{2028}fin"
        let long = String(repeating: "mot ", count: 60) + String(repeating: "x", count: 150)
        var activity = CompleteRegister.activity
        activity.name = "Nom" + forgery + long
        activity.id = "id-\u{7F}"
        activity.application = ""
        activity.purposes = ["", long, "Finalité" + forgery, "   "]
        activity.jointControllers = [.init(organisation: "inconnue" + forgery, arrangement: long), .init(organisation: "inconnue-2")]
        activity.legalBases = [LegalBasis(.publicTask, reference: forgery)]
        activity.specialCategories = [SpecialCategoryData(.health, condition: nil, detail: long)]
        activity.criminalOffenceData = CriminalOffenceData(description: forgery, legalGround: nil)
        activity.dataSubjects = [Category(long)]
        activity.recipients = [Recipient(forgery, kind: .processor)]
        activity.transfers = []
        activity.retention = [
            RetentionPeriod(data: forgery, rule: .duration(PeriodLength(0, .days), from: nil), then: long),
            RetentionPeriod(data: nil, rule: .criterion(""), then: nil),
        ]
        activity.securityMeasures = [SecurityMeasure(.encryption, long + forgery)]
        activity.processors = [ProcessorEngagement(processor: "absent", service: forgery, agreement: "")]
        activity.impactAssessment = ImpactAssessment(criteria: [.sensitiveOrHighlyPersonalData], status: nil, completed: nil, reference: forgery)
        let register = Register(organisations: CompleteRegister.register.organisations, activities: [activity])
        Self.expectSame(activity, in: register)
        var empty = ProcessingActivity(id: "vide", name: "", controller: "c")
        Self.expectSame(empty, in: Register(activities: [empty]))
        empty.status = .retired
        empty.impactAssessment = ImpactAssessment(criteria: [], status: nil, completed: nil, reference: nil)
        Self.expectSame(empty, in: Register(activities: [empty]))
    }
}
