import Foundation
import Hummingbird
import RegistreCore
import RegistreReports
import RegistreService
import RegistreStore

extension Desk {
    /// A member's objection windows on the change notices of its structure's agreements (Art. 28(2),
    /// `ChangeNoticeFanOut`), and its own answer to each, through `ChangeNoticeActs.answer`, the act
    /// `registre change-notice outcome --member` calls. An account sees the windows and answers of the
    /// members it reads, and answers for those it may change.
    func addObjectionWindowRoutes(to router: Router<BasicRequestContext>) {
        router.get("/objection-windows") { request, _ in
            try await self.signedIn(request) { visit in try self.objectionWindowsPage(visit) }
        }
        router.post("/objection-windows/{agreement}/{change}/{member}") { request, context in
            try await self.signedInForm(request) { visit, form in
                struct Answer: Decodable { var outcome: String? }
                guard let agreement = context.parameters.get("agreement"), let change = context.parameters.get("change"),
                      let member = context.parameters.get("member"), visit.policy.mayEdit(organisation: member)
                else { return Page.notFound(visit) }
                guard let outcome = try form.decode(Answer.self).outcome.flatMap(SubProcessorChange.Outcome.init(rawValue:)) else {
                    return try self.objectionWindowsPage(visit, errors: [StructureWording.text("chooseAnswer", visit.language)], status: .unprocessableContent)
                }
                do {
                    try ChangeNoticeActs(store: self.store).answer(outcome, ofNotice: change, in: agreement, member: member, on: nil, by: visit.acting)
                } catch is AccessRefusal {
                    return Page.notFound(visit)
                } catch is ChangeNoticeActs.UnknownNotice, is ChangeNoticeActs.NotAMember, StoreError.unknownEntry {
                    return Page.notFound(visit)
                } catch let refusal as DataProcessingAgreement.MemberAnswerRefusal {
                    return try self.objectionWindowsPage(visit, errors: [refusal.message[visit.language]], status: .unprocessableContent)
                }
                return Page.redirect(to: "/objection-windows")
            }
        }
    }

    private func objectionWindowsPage(_ visit: Visit, errors: [String] = [], status: HTTPResponse.Status = .ok) throws -> Response {
        let language = visit.language
        // What `deadlines` reads: the agreements and the activities of the members concerned.
        let register = try RegisterDeadlines.register(of: store)
        let windows = ChangeNoticeFanOut.windows(in: register).filter { visit.policy.mayRead(organisation: $0.member) }
        var answers: [[String: Any]] = []
        for agreement in register.agreements {
            for change in agreement.changeNotices {
                for answer in change.memberAnswers where visit.policy.mayRead(organisation: answer.member) {
                    answers.append([
                        "member": register.organisation(answer.member)?.name ?? answer.member,
                        "subProcessor": register.organisation(change.subProcessor)?.name ?? change.subProcessor,
                        "outcome": StructureWording.text("answer-" + answer.outcome.rawValue, language),
                        "on": Vocabulary.format(answer.on, in: language), "by": answer.by ?? "",
                    ])
                }
            }
        }
        let view: [String: Any] = [
            "s": StructureWording.table(language),
            "windows": windows.map { window -> [String: Any] in
                [
                    "what": window.deadline.what[language], "due": Vocabulary.format(window.deadline.dueDay, in: language),
                    "action": "/objection-windows/\(window.agreement)/\(window.change)/\(window.member)",
                    "key": "\(window.agreement)-\(window.change)-\(window.member)",
                    "answers": visit.policy.mayEdit(organisation: window.member),
                ]
            },
            "answers": answers,
            "errors": errors, "hasErrors": !errors.isEmpty,
        ]
        return Page.html(
            "objection-windows", title: StructureWording.text("objectionWindowsTitle", language), view: view, visit: visit,
            language: language, path: "/objection-windows", status: status)
    }
}
