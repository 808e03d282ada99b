import RegistreCore

/// The Art. 30(1) items of the activity form that are tables rather than lists: transfers with their
/// Chapter V safeguard (e), retention durations (f), special categories with their Art. 9(2) condition and
/// Art. 10 data, processors (Art. 28), joint controllers (Art. 26), the impact assessment (Art. 35).
///
/// A table the form did not send (nil) is kept as recorded; a table sent empty is emptied. What a row
/// does not show (a transfer's documentation, a special category's detail, a processor's agreement, a
/// joint controller's arrangement) is kept from the row it edits; the DPIA's EDPB criteria are kept as
/// recorded only by a form that does not show their boxes.
extension ActivityForm {
    /// Parallel inputs: one row a transfer (recipient, destination, safeguard).
    struct Rows {
        static func value(_ values: [String]?, _ index: Int) -> String {
            FormText.clean(raw(values, index))
        }

        /// The input as sent, to compare with what the page showed.
        static func raw(_ values: [String]?, _ index: Int) -> String {
            guard let values, index < values.count else { return "" }
            return values[index]
        }
    }

    func transfers(original: [Transfer], errors: inout [String: LocalizedText]) -> [Transfer] {
        guard let transferRecipients else { return original }
        return Shown.rows(posted: transferRecipients.count, stored: original) { index, row -> Transfer? in
            let raw = transferRecipients[index], rawPlace = Rows.raw(transferDestinations, index), code = Rows.value(transferSafeguards, index)
            if let row, Shown.same(raw, row.recipient), Shown.same(rawPlace, ActivityPage.place(row.destination)), code == (row.safeguard?.rawValue ?? "") {
                return row
            }
            let recipient = FormText.clean(raw), place = FormText.clean(rawPlace)
            guard !recipient.isEmpty || !place.isEmpty else { return nil }
            guard !recipient.isEmpty, !place.isEmpty else {
                errors["transfers"] = LocalizedText(
                    fr: "Transfert \(index + 1) (art. 30(1)(e)) : le destinataire et le pays (ou l'organisation internationale) vont ensemble.",
                    en: "Transfer \(index + 1) (Art. 30(1)(e)): the recipient and the country (or international organisation) go together.")
                return nil
            }
            // Two letters are an ISO 3166-1 country code; anything longer names an international organisation.
            let destination: Transfer.Destination = row.flatMap { Shown.same(rawPlace, ActivityPage.place($0.destination)) ? $0.destination : nil }
                ?? (place.count == 2 && place.allSatisfy(\.isLetter) ? .country(place.uppercased()) : .internationalOrganisation(place))
            var safeguard: Transfer.Safeguard?
            if !code.isEmpty {
                safeguard = Transfer.Safeguard(rawValue: code)
                if safeguard == nil {
                    errors["transfers"] = LocalizedText(fr: "Garantie inconnue (chapitre V) : \(code).", en: "Unknown safeguard (Chapter V): \(code).")
                }
            }
            // The documentation is not on the form: the row keeps it, and the safeguard as imported ("Privacy
            // shield") while no valid one is chosen.
            return Transfer(recipient: recipient, destination: destination, safeguard: safeguard, documentation: row?.documentation,
                            statedSafeguard: safeguard == nil ? row?.statedSafeguard : nil)
        }
    }

    /// The retention items (Art. 30(1)(f)): the page shows the durations, then the criteria; each row edits
    /// the stored item of its kind at its rank, so that the items keep their stored order, and a criterion's
    /// data label and what follows a period (`then`), which the form does not show, stay.
    func retentionPeriods(original: [RetentionPeriod], errors: inout [String: LocalizedText]) -> [RetentionPeriod] {
        func isDuration(_ period: RetentionPeriod) -> Bool { if case .duration = period.rule { true } else { false } }
        let storedDurations = original.filter(isDuration), storedCriteria = original.filter { !isDuration($0) }
        let durations = durationRows(original: storedDurations, errors: &errors)
        let criteria: [RetentionPeriod?] = retention.map { texts in
            (0..<max(texts.count, storedCriteria.count)).map { index -> RetentionPeriod? in
                guard index < texts.count else { return storedCriteria[index] }
                let row = index < storedCriteria.count ? storedCriteria[index] : nil
                if let row, case .criterion(let text) = row.rule, Shown.same(texts[index], text, area: true) { return row }
                guard let text = FormText.optional(texts[index]) else { return nil }
                return RetentionPeriod(data: row?.data, rule: .criterion(text), then: row?.then)
            }
        } ?? storedCriteria.map(Optional.some)
        var periods: [RetentionPeriod] = []
        var nextDuration = 0, nextCriterion = 0
        for period in original {
            if isDuration(period) {
                if let row = durations[nextDuration] { periods.append(row) }
                nextDuration += 1
            } else {
                if let row = criteria[nextCriterion] { periods.append(row) }
                nextCriterion += 1
            }
        }
        return periods + durations.dropFirst(nextDuration).compactMap { $0 } + criteria.dropFirst(nextCriterion).compactMap { $0 }
    }

    /// The duration rows, one per stored duration at least (nil: emptied, dropped).
    private func durationRows(original: [RetentionPeriod], errors: inout [String: LocalizedText]) -> [RetentionPeriod?] {
        guard let retentionValues else { return original }
        return (0..<max(retentionValues.count, original.count)).map { index -> RetentionPeriod? in
            guard index < retentionValues.count else { return original[index] }
            let row = index < original.count ? original[index] : nil
            let rawData = Rows.raw(retentionData, index), rawFrom = Rows.raw(retentionFrom, index), unitCode = Rows.value(retentionUnits, index)
            if let row, case .duration(let length, let start) = row.rule, Shown.same(retentionValues[index], "\(length.value)"),
               unitCode == length.unit.rawValue, Shown.same(rawData, row.data), Shown.same(rawFrom, start) {
                return row
            }
            let text = FormText.clean(retentionValues[index]), data = FormText.clean(rawData), from = FormText.clean(rawFrom)
            guard !text.isEmpty || !data.isEmpty || !from.isEmpty else { return nil }
            guard let value = Int(text), value > 0, let unit = PeriodLength.Unit(rawValue: unitCode) else {
                errors["retention"] = LocalizedText(
                    fr: "Durée de conservation \(index + 1) (art. 30(1)(f)) : un nombre entier positif et une unité sont attendus (reçu : « \(text) »).",
                    en: "Retention period \(index + 1) (Art. 30(1)(f)): a positive whole number and a unit are expected (received: '\(text)').")
                return nil
            }
            return RetentionPeriod(
                data: Shown.optional(rawData, stored: row?.data), rule: .duration(PeriodLength(value, unit), from: from.isEmpty ? nil : from),
                then: row?.then)
        }
    }

    /// The special categories ticked (Art. 9): those stored and still ticked keep their order and detail,
    /// their condition taken from the form.
    func specialCategories(original: [SpecialCategoryData], errors: inout [String: LocalizedText]) -> [SpecialCategoryData] {
        guard specialCategoriesShown != nil else { return original }
        func condition(of category: SpecialCategory) -> SpecialCategoryCondition? {
            let index = SpecialCategory.allCases.firstIndex(of: category) ?? 0
            let code = Rows.value(specialConditions, index)
            let condition = SpecialCategoryCondition(rawValue: code)
            if !code.isEmpty, condition == nil {
                errors["specialCategories"] = LocalizedText(fr: "Condition de l'art. 9(2) inconnue : \(code).", en: "Unknown Art. 9(2) condition: \(code).")
            }
            return condition
        }
        let ticked = Shown.ticked(specialCategories ?? [], stored: original, key: \.category.rawValue) { code in
            SpecialCategory(rawValue: code).map { SpecialCategoryData($0) }
        }
        // A category shown twice in the register has one select: the first of them takes it.
        var seen: Set<SpecialCategory> = []
        return ticked.map { item in
            guard seen.insert(item.category).inserted else { return item }
            var item = item
            let chosen = condition(of: item.category)
            if chosen != item.condition { item.condition = chosen }
            return item
        }
    }

    func criminalOffence(original: CriminalOffenceData?) -> CriminalOffenceData? {
        guard let criminalOffence else { return original }
        if Shown.same(criminalOffence, original?.description, area: true), Shown.same(criminalOffenceGround, original?.legalGround, area: true) {
            return original
        }
        let description = FormText.clean(criminalOffence)
        return description.isEmpty ? nil : CriminalOffenceData(description: description, legalGround: FormText.optional(criminalOffenceGround))
    }

    /// - Parameter candidates: the organisations the form offered as processors.
    func processors(original: [ProcessorEngagement], candidates: Set<EntityID>, errors: inout [String: LocalizedText]) -> [ProcessorEngagement] {
        guard let processorIDs else { return original }
        return Shown.rows(posted: processorIDs.count, stored: original) { index, row -> ProcessorEngagement? in
            let processor = FormText.clean(processorIDs[index]), rawService = Rows.raw(processorServices, index)
            if let row, processor == row.processor, Shown.same(rawService, row.service) { return row }
            let service = FormText.clean(rawService)
            guard !processor.isEmpty || !service.isEmpty else { return nil }
            guard candidates.contains(processor), !service.isEmpty else {
                errors["processors"] = LocalizedText(
                    fr: "Sous-traitant \(index + 1) (art. 28) : choisir un organisme de la liste et décrire la prestation.",
                    en: "Processor \(index + 1) (Art. 28): choose an organisation from the list and describe the service.")
                return nil
            }
            // The agreement is not on the form: the row keeps it while it names the same processor.
            return ProcessorEngagement(processor: processor, service: service, agreement: row?.processor == processor ? row?.agreement : nil)
        }
    }

    /// - Parameter candidates: the organisations the form offered as joint controllers.
    func jointControllers(
        original: [ProcessingActivity.JointController], candidates: Set<EntityID>, errors: inout [String: LocalizedText]
    ) -> [ProcessingActivity.JointController] {
        guard jointControllersShown != nil else { return original }
        var refused = false
        // A joint controller the account may not see stays, unseen and untouched, in its place.
        let chosen = Shown.ticked(jointControllers ?? [], stored: original, key: \.organisation, keepsUnticked: { !candidates.contains($0.organisation) }) { id in
            guard candidates.contains(id) else {
                refused = true
                return nil
            }
            return ProcessingActivity.JointController(organisation: id)
        }
        if refused {
            errors["jointControllers"] = LocalizedText(
                fr: "Responsables conjoints (art. 26) : choisir dans la liste.", en: "Joint controllers (Art. 26): choose from the list.")
        }
        return chosen
    }

    func impactAssessment(original: ImpactAssessment?, errors: inout [String: LocalizedText]) -> ImpactAssessment? {
        guard let dpiaStatus else { return original }
        let code = FormText.clean(dpiaStatus)
        let criteria = dpiaCriteria(original: original?.criteria ?? [], errors: &errors)
        if code == (original?.status?.rawValue ?? ""), Shown.same(dpiaCompleted, original?.completed?.iso), Shown.same(dpiaReference, original?.reference),
           criteria == (original?.criteria ?? []) {
            return original
        }
        let status = ImpactAssessment.Status(rawValue: code)
        if !code.isEmpty, status == nil {
            errors["dpia"] = LocalizedText(fr: "Analyse d'impact (art. 35) : statut inconnu (\(code)).", en: "Impact assessment (Art. 35): unknown status (\(code)).")
        }
        let completed = FormText.day(dpiaCompleted, field: "dpia", label: LocalizedText(fr: "Analyse d'impact terminée le", en: "Impact assessment completed on"), errors: &errors)
        var assessment = original ?? ImpactAssessment()
        assessment.criteria = criteria
        assessment.status = status
        assessment.completed = completed
        assessment.reference = Shown.optional(dpiaReference, stored: original?.reference)
        return assessment == ImpactAssessment() ? nil : assessment
    }

    /// The EDPB criteria ticked (WP248 rev.01): those stored and still ticked keep their order, those
    /// ticked now come after; the stored ones when the form does not show the boxes.
    private func dpiaCriteria(original: [ImpactAssessment.Criterion], errors: inout [String: LocalizedText]) -> [ImpactAssessment.Criterion] {
        guard dpiaCriteriaShown != nil else { return original }
        let codes = (dpiaCriteria ?? []).map(FormText.clean)
        if let unknown = codes.first(where: { ImpactAssessment.Criterion(rawValue: $0) == nil }) {
            errors["dpia"] = LocalizedText(fr: "Analyse d'impact (art. 35) : critère inconnu (\(unknown)).", en: "Impact assessment (Art. 35): unknown criterion (\(unknown)).")
        }
        return Shown.ticked(codes.compactMap(ImpactAssessment.Criterion.init(rawValue:)), stored: original, key: { $0 }, make: { $0 })
    }
}
