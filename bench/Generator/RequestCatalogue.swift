import Foundation
import RegistreCore
import RegistreTestSupport

/// The requests of the people a commune receives (Art. 15 to 22), as a DPO's file of them looks after two
/// years: mostly access, then erasure, rectification and objection; most answered within the month, about
/// one in ten late without an extension, one in twenty extended (and told within the month), a few
/// refused with their reason and exception, a few held manifestly excessive (Art. 12(5)), some with an
/// identity question (Art. 12(6)), and the latest still open.
extension Catalogue {
    /// The last day a generated request's days may fall on: registers generated later stay possible
    /// stories (nothing after the day the benchmark runs, `RequestTimeline`).
    static let lastRequestDay = CalendarDate(year: 2026, month: 11, day: 30)!

    /// Request `index` to `controller`, concerning one of its activities (`activity`, or none).
    static func request(_ index: Int, controller: EntityID, activity: EntityID?, random: inout SeededRandom) -> DataSubjectRequest {
        func percent() -> Int { Int(random.next() % 100) }
        // Received over the two years before the last day, three weeks before it at the latest (what
        // follows the receipt, an identity answer or an extension, falls before the last day too).
        let received = lastRequestDay.adding(days: -21 - Int(random.next() % 730))
        let draw = percent()
        let rights: [DataSubjectRight] = switch draw {
        case 0..<55: [.access]
        case 55..<72: [.erasure]
        case 72..<80: [.access, .erasure]
        case 80..<88: [.rectification]
        case 88..<95: [.objection]
        case 95..<97: [.restriction]
        case 97..<99: [.portability]
        default: [.automatedDecision]
        }
        var request = DataSubjectRequest(
            id: "request-\(index)", controller: controller, person: "dossier-\(received.year)-\(index)",
            receipt: RequestReceipt(
                day: received, channel: RequestReceipt.Channel.allCases[Int(random.next() % 4)],
                service: percent() < 30 ? "Accueil de la mairie" : nil),
            rights: rights, activities: activity.map { [$0] } ?? [])
        if percent() < 5 {
            request.identity = IdentityVerification(
                asked: received.adding(days: 2), received: received.adding(days: 9), doubt: "Adresse différente de celle du dossier")
        }
        let course = percent()
        let delay: Int
        if course < 5 {
            // Extended within the first month, the person told, answered within three months.
            request.extended = RequestExtension(decided: received.adding(days: 15), reason: "Archives papier à dépouiller", personTold: received.adding(days: 16))
            delay = 40 + Int(random.next() % 40)
        } else if course < 15 {
            delay = 35 + Int(random.next() % 30)  // late, without an extension
        } else {
            delay = 3 + Int(random.next() % 25)
        }
        let sent = received.adding(days: delay + (request.identity == nil ? 0 : 7))
        guard sent <= lastRequestDay else { return request }  // still open
        request.answer = answer(sent: sent, random: &random)
        if request.answer?.outcome == .refused, percent() < 20 {
            request.manifestAbuse = ManifestAbuse(ground: .excessive, reasoning: "Sixième demande identique en trois mois")
        }
        if request.notifiesRecipients, request.answer?.outcome != .refused {
            request.recipients = RecipientNotification(kind: percent() < 70 ? .told : .noRecipient, day: sent)
        }
        return request
    }

    private static func answer(sent: CalendarDate, random: inout SeededRandom) -> RequestAnswer {
        switch random.next() % 100 {
        case 0..<82: RequestAnswer(sent: sent, outcome: .granted)
        case 82..<91:
            RequestAnswer(sent: sent, outcome: .partly, reason: "Données d'un tiers", exception: "Art. 15(4)", remediesGiven: true)
        default:
            RequestAnswer(
                sent: sent, outcome: .refused, reason: "Obligation légale de conservation", exception: "Art. 17(3)(b)",
                remediesGiven: random.next() % 10 != 0)
        }
    }
}
