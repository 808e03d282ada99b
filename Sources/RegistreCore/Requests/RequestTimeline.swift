/// The order a request's days must keep: nothing before the request arrived, an answer to the identity
/// question after the question, the person told of an extension once it is decided, and nothing after the
/// day the act is made. A request whose days cannot have happened is refused, not stored and reported later.
public enum RequestTimeline {
    /// What is wrong with the days of `request` on `today` (the day of the act in the controller's calendar),
    /// in words; empty when they tell a possible story.
    /// - Parameters:
    ///   - request: the request about to be saved.
    ///   - today: the day of the act.
    public static func problems(of request: DataSubjectRequest, today: CalendarDate) -> [LocalizedText] {
        let received = request.receipt.day
        var dated: [(LocalizedText, CalendarDate)] = []
        if let identity = request.identity {
            dated.append((LocalizedText(fr: "la demande d'informations d'identité", en: "the identity question"), identity.asked))
            if let answer = identity.received {
                dated.append((LocalizedText(fr: "la réponse d'identité", en: "the identity answer"), answer))
            }
        }
        if let extended = request.extended {
            dated.append((LocalizedText(fr: "la prolongation", en: "the extension"), extended.decided))
            if let told = extended.personTold {
                dated.append((LocalizedText(fr: "l'information de la prolongation", en: "telling the person of the extension"), told))
            }
        }
        if let answer = request.answer { dated.append((LocalizedText(fr: "la réponse", en: "the answer"), answer.sent)) }
        if let recipients = request.recipients {
            dated.append((LocalizedText(fr: "l'information des destinataires", en: "the recipients' notice"), recipients.day))
        }
        var problems: [LocalizedText] = []
        if received > today {
            problems.append(LocalizedText(fr: "reçue le \(received.iso), après aujourd'hui (\(today.iso))", en: "received on \(received.iso), after today (\(today.iso))"))
        }
        for (what, day) in dated {
            if day < received {
                problems.append(LocalizedText(
                    fr: "\(what.fr) (\(day.iso)) précède la réception de la demande (\(received.iso))",
                    en: "\(what.en) (\(day.iso)) comes before the request was received (\(received.iso))"))
            }
            if day > today {
                problems.append(LocalizedText(fr: "\(what.fr) (\(day.iso)) est après aujourd'hui (\(today.iso))", en: "\(what.en) (\(day.iso)) is after today (\(today.iso))"))
            }
        }
        if let identity = request.identity, let answer = identity.received, answer < identity.asked {
            problems.append(LocalizedText(
                fr: "la réponse d'identité (\(answer.iso)) précède la question (\(identity.asked.iso))",
                en: "the identity answer (\(answer.iso)) comes before the question (\(identity.asked.iso))"))
        }
        if let extended = request.extended, let told = extended.personTold, told < extended.decided {
            problems.append(LocalizedText(
                fr: "la personne est informée de la prolongation (\(told.iso)) avant qu'elle soit décidée (\(extended.decided.iso))",
                en: "the person is told of the extension (\(told.iso)) before it was decided (\(extended.decided.iso))"))
        }
        if request.rights.isEmpty {
            problems.append(LocalizedText(fr: "aucun droit invoqué", en: "no right invoked"))
        }
        return problems
    }
}
