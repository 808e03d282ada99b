import RegistreCore
import Testing

@Suite("A mutualisation structure's model activities: apply, own values, drift, propagate")
struct ModelActivityTests {
    let structure = Organisation(id: "cdg48", name: "CDG48", isPublicBody: true, members: ["mende", "marvejols"])

    var model: ProcessingActivity {
        ProcessingActivity(
            id: "messages", name: "Messagerie", controller: "cdg48", application: "Suite territoriale — Messages",
            purposes: ["Messagerie des agents"], legalBases: [LegalBasis(.publicTask)],
            dataSubjects: [Category("agents")], dataCategories: [Category("identité"), Category("messages")],
            recipients: [Recipient("Service informatique", kind: .internal)],
            retention: [RetentionPeriod(data: "messages", rule: .duration(PeriodLength(1, .years), from: "l'envoi"))],
            modelRole: .model
        )
    }

    @Test("apply gives the member an activity that follows every item of the model, with itself as controller")
    func apply() throws {
        let activity = try ModelApplication.activity(following: model, for: "mende", created: CalendarDate(iso: "2026-11-26"))
        #expect(activity.id == "messages-mende")
        #expect(activity.controller == "mende")
        #expect(activity.modelRole == .follows(ModelLink(model: "messages")))
        #expect(activity.created == CalendarDate(iso: "2026-11-26"))
        for item in ActivityItem.allCases { #expect(item.isEqual(in: activity, and: model), "\(item)") }
        #expect(ModelDrift.items(of: activity, from: model).isEmpty)
    }

    @Test("apply refuses what is not a model and an organisation that is not a member")
    func applyRefusals() {
        var plain = model
        plain.modelRole = nil
        #expect(throws: ModelApplication.Refusal.notAModel("messages")) {
            try ModelApplication.activity(following: plain, for: "mende", created: nil)
        }
        #expect(throws: ModelApplication.Refusal.notAMember("florac", structure: "cdg48")) {
            try ModelApplication.members(of: structure, asked: ["mende", "florac"])
        }
        #expect((try? ModelApplication.members(of: structure, asked: nil)) == ["mende", "marvejols"])
        #expect((try? ModelApplication.members(of: structure, asked: ["marvejols", "marvejols"])) == ["marvejols"])
    }

    /// Mende adds a recipient and keeps messages two years: both its own.
    func overridden() throws -> ProcessingActivity {
        var activity = try ModelApplication.activity(following: model, for: "mende", created: nil)
        activity.recipients.append(Recipient("Trésorerie", kind: .publicAuthority))
        activity.retention = [RetentionPeriod(data: "messages", rule: .duration(PeriodLength(2, .years), from: "l'envoi"))]
        var link = try #require(activity.modelRole?.link)
        link.setOwn(.retention)
        link.setOwn(.recipients)
        activity.modelRole = .follows(link)
        return activity
    }

    @Test("a member's own values are not drift while they do not contradict the model")
    func localOverride() throws {
        let activity = try overridden()
        #expect(activity.modelRole?.link?.ownItems == [.recipients, .retention])
        #expect(ModelDrift.items(of: activity, from: model).isEmpty)
        #expect(ModelPropagation.update(activity, to: model).changedItems.isEmpty)
    }

    @Test("drift lists exactly the followed items the model changed and the own values that now contradict it")
    func modelChange() throws {
        let activity = try overridden()
        var changed = model
        changed.purposes.append("Partage d'agenda")
        changed.securityMeasures = [SecurityMeasure(.encryption, "TLS")]
        changed.recipients = [Recipient("Prestataire", kind: .processor)]
        changed.retention = [RetentionPeriod(data: "messages", rule: .duration(PeriodLength(36, .months), from: "l'envoi"))]
        let drift = ModelDrift.items(of: activity, from: changed)
        #expect(drift.map(\.item) == [.purposes, .retention, .securityMeasures])
        #expect(drift.map(\.kind) == [.behind, .contradicts, .behind])
        #expect(drift.allSatisfy { $0.member == "mende" && $0.activity == "messages-mende" && $0.model == "messages" })
        #expect(drift[1].message.en.contains("Art. 5(1)(e)") && drift[1].message.fr.contains("art. 5(1)(e)"))

        let update = ModelPropagation.update(activity, to: changed)
        #expect(update.changedItems == [.purposes, .securityMeasures])
        #expect(update.activity.purposes == changed.purposes)
        #expect(update.activity.securityMeasures == changed.securityMeasures)
        #expect(update.activity.recipients == activity.recipients, "own recipients untouched")
        #expect(update.activity.retention == activity.retention, "own retention untouched")
        #expect(update.activity.controller == "mende" && update.activity.id == activity.id)
        #expect(ModelDrift.items(of: update.activity, from: changed).map(\.kind) == [.contradicts])
    }

    @Test("periods are compared in like units, criteria never")
    func periodComparison() {
        func period(_ value: Int, _ unit: PeriodLength.Unit) -> RetentionPeriod {
            RetentionPeriod(rule: .duration(PeriodLength(value, unit), from: "x"))
        }
        #expect(ModelDrift.items(of: ProcessingActivity(id: "a", name: "a", controller: "m"), from: model).isEmpty)
        #expect(PeriodLength(12, .months).isShorter(than: PeriodLength(1, .years)) == false)
        #expect(PeriodLength(11, .months).isShorter(than: PeriodLength(1, .years)))
        #expect(PeriodLength(6, .days).isShorter(than: PeriodLength(1, .weeks)))
        #expect(PeriodLength(30, .days).isShorter(than: PeriodLength(1, .months)))
        #expect(PeriodLength(31, .days).isShorter(than: PeriodLength(1, .months)) == false)
        let criterion = RetentionPeriod(rule: .criterion("durée du contrat"))
        #expect(ModelDrift.shorterRetention([criterion], than: [period(5, .years)]).isEmpty)
        #expect(ModelDrift.shorterRetention([period(1, .years)], than: [period(5, .years)]).count == 1)
    }
}
