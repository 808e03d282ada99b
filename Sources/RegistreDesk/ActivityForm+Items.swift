import RegistreCore

/// The Art. 30(1) items of the activity form that are tables rather than lists: transfers with their
/// Chapter V safeguard (e), retention durations (f), special categories with their Art. 9(2) condition and
/// Art. 10 data, processors (Art. 28), joint controllers (Art. 26), the impact assessment (Art. 35).
///
/// A table the form did not send (nil) is kept as recorded; a table sent empty is emptied. What a row
/// does not show (a transfer's documentation, a special category's detail, a processor's agreement, a
/// joint controller's arrangement, the DPIA's criteria) is kept from the row it edits.
extension ActivityForm {
    /// Parallel inputs: one row a transfer (recipient, destination, safeguard).
    struct Rows {
        static func value(_ values: [String]?, _ index: Int) -> String {
            guard let values, index < values.count else { return "" }
            return FormText.clean(values[index])
        }
    }

    func transfers(original: [Transfer], errors: inout [String: LocalizedText]) -> [Transfer] {
        guard let transferRecipients else { return original }
        var transfers: [Transfer] = []
        for (index, raw) in transferRecipients.enumerated() {
            let recipient = FormText.clean(raw), place = Rows.value(transferDestinations, index), code = Rows.value(transferSafeguards, index)
            guard !recipient.isEmpty || !place.isEmpty else { continue }
            guard !recipient.isEmpty, !place.isEmpty else {
                errors["transfers"] = LocalizedText(
                    fr: "Transfert \(index + 1) (art. 30(1)(e)) : le destinataire et le pays (ou l'organisation internationale) vont ensemble.",
                    en: "Transfer \(index + 1) (Art. 30(1)(e)): the recipient and the country (or international organisation) go together.")
                continue
            }
            // Two letters are an ISO 3166-1 country code; anything longer names an international organisation.
            let destination: Transfer.Destination = place.count == 2 && place.allSatisfy(\.isLetter)
                ? .country(place.uppercased()) : .internationalOrganisation(place)
            var safeguard: Transfer.Safeguard?
            if !code.isEmpty {
                safeguard = Transfer.Safeguard(rawValue: code)
                if safeguard == nil {
                    errors["transfers"] = LocalizedText(fr: "Garantie inconnue (chapitre V) : \(code).", en: "Unknown safeguard (Chapter V): \(code).")
                }
            }
            let documentation = original.first { $0.recipient == recipient && $0.destination == destination }?.documentation
            transfers.append(Transfer(recipient: recipient, destination: destination, safeguard: safeguard, documentation: documentation))
        }
        return transfers
    }

    func durations(original: [RetentionPeriod], errors: inout [String: LocalizedText]) -> [RetentionPeriod] {
        let kept = original.filter { if case .duration = $0.rule { true } else { false } }
        guard let retentionValues else { return kept }
        var periods: [RetentionPeriod] = []
        for (index, raw) in retentionValues.enumerated() {
            let text = FormText.clean(raw), data = Rows.value(retentionData, index), from = Rows.value(retentionFrom, index)
            guard !text.isEmpty || !data.isEmpty || !from.isEmpty else { continue }
            guard let value = Int(text), value > 0, let unit = PeriodLength.Unit(rawValue: Rows.value(retentionUnits, index)) else {
                errors["retention"] = LocalizedText(
                    fr: "Durée de conservation \(index + 1) (art. 30(1)(f)) : un nombre entier positif et une unité sont attendus (reçu : « \(text) »).",
                    en: "Retention period \(index + 1) (Art. 30(1)(f)): a positive whole number and a unit are expected (received: '\(text)').")
                continue
            }
            let then = index < kept.count ? kept[index].then : nil
            periods.append(RetentionPeriod(
                data: data.isEmpty ? nil : data, rule: .duration(PeriodLength(value, unit), from: from.isEmpty ? nil : from), then: then))
        }
        return periods
    }

    func specialCategories(original: [SpecialCategoryData], errors: inout [String: LocalizedText]) -> [SpecialCategoryData] {
        guard specialCategoriesShown != nil else { return original }
        let ticked = Set(specialCategories ?? [])
        return SpecialCategory.allCases.enumerated().compactMap { index, category in
            guard ticked.contains(category.rawValue) else { return nil }
            let code = Rows.value(specialConditions, index)
            let condition = SpecialCategoryCondition(rawValue: code)
            if !code.isEmpty, condition == nil {
                errors["specialCategories"] = LocalizedText(fr: "Condition de l'art. 9(2) inconnue : \(code).", en: "Unknown Art. 9(2) condition: \(code).")
            }
            return SpecialCategoryData(category, condition: condition, detail: original.first { $0.category == category }?.detail)
        }
    }

    func criminalOffence(original: CriminalOffenceData?) -> CriminalOffenceData? {
        guard let criminalOffence else { return original }
        let description = FormText.clean(criminalOffence)
        return description.isEmpty ? nil : CriminalOffenceData(description: description, legalGround: FormText.optional(criminalOffenceGround))
    }

    /// - Parameter candidates: the organisations the form offered as processors.
    func processors(original: [ProcessorEngagement], candidates: Set<EntityID>, errors: inout [String: LocalizedText]) -> [ProcessorEngagement] {
        guard let processorIDs else { return original }
        var engagements: [ProcessorEngagement] = []
        for (index, raw) in processorIDs.enumerated() {
            let processor = FormText.clean(raw), service = Rows.value(processorServices, index)
            guard !processor.isEmpty || !service.isEmpty else { continue }
            guard candidates.contains(processor), !service.isEmpty else {
                errors["processors"] = LocalizedText(
                    fr: "Sous-traitant \(index + 1) (art. 28) : choisir un organisme de la liste et décrire la prestation.",
                    en: "Processor \(index + 1) (Art. 28): choose an organisation from the list and describe the service.")
                continue
            }
            let agreement = original.first { $0.processor == processor }?.agreement
            engagements.append(ProcessorEngagement(processor: processor, service: service, agreement: agreement))
        }
        return engagements
    }

    /// - Parameter candidates: the organisations the form offered as joint controllers.
    func jointControllers(
        original: [ProcessingActivity.JointController], candidates: Set<EntityID>, errors: inout [String: LocalizedText]
    ) -> [ProcessingActivity.JointController] {
        guard jointControllersShown != nil else { return original }
        // A joint controller the account may not see stays, unseen and untouched.
        let hidden = original.filter { !candidates.contains($0.organisation) }
        var chosen: [ProcessingActivity.JointController] = []
        for id in jointControllers ?? [] {
            guard candidates.contains(id) else {
                errors["jointControllers"] = LocalizedText(
                    fr: "Responsables conjoints (art. 26) : choisir dans la liste.", en: "Joint controllers (Art. 26): choose from the list.")
                continue
            }
            chosen.append(original.first { $0.organisation == id } ?? ProcessingActivity.JointController(organisation: id))
        }
        return hidden + chosen
    }

    func impactAssessment(original: ImpactAssessment?, errors: inout [String: LocalizedText]) -> ImpactAssessment? {
        guard let dpiaStatus else { return original }
        let code = FormText.clean(dpiaStatus)
        let status = ImpactAssessment.Status(rawValue: code)
        if !code.isEmpty, status == nil {
            errors["dpia"] = LocalizedText(fr: "Analyse d'impact (art. 35) : statut inconnu (\(code)).", en: "Impact assessment (Art. 35): unknown status (\(code)).")
        }
        let completed = FormText.day(dpiaCompleted, field: "dpia", label: LocalizedText(fr: "Analyse d'impact terminée le", en: "Impact assessment completed on"), errors: &errors)
        var assessment = original ?? ImpactAssessment()
        assessment.status = status
        assessment.completed = completed
        assessment.reference = FormText.optional(dpiaReference)
        return assessment == ImpactAssessment() ? nil : assessment
    }
}
