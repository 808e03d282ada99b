import Foundation
import RegistreCore
import RegistreTestSupport
import Testing

/// Issue 14, item 3: the public holidays of each jurisdiction, for 2026 (Easter Sunday 5 April).
@Suite("Calendars by jurisdiction")
struct CalendarTests {
    @Test("each calendar's public holidays of 2026", arguments: [
        // Code du travail L3133-1.
        ("FR", ["01-01", "04-06", "05-01", "05-08", "05-14", "05-25", "07-14", "08-15", "11-01", "11-11", "12-25"]),
        // Code du travail L3134-13 adds Good Friday and 26 December in Moselle, Bas-Rhin, Haut-Rhin.
        ("FR-57", ["01-01", "04-03", "04-06", "05-01", "05-08", "05-14", "05-25", "07-14", "08-15", "11-01", "11-11", "12-25", "12-26"]),
        // Loi 83-550 and décret 83-1003: 20 December in La Réunion.
        ("FR-974", ["01-01", "04-06", "05-01", "05-08", "05-14", "05-25", "07-14", "08-15", "11-01", "11-11", "12-20", "12-25"]),
        // Germany, nationwide: Einigungsvertrag art. 2(2) (3 October) and the Länder's Feiertagsgesetze.
        ("DE", ["01-01", "04-03", "04-06", "05-01", "05-14", "05-25", "10-03", "12-25", "12-26"]),
        // Bavaria, Feiertagsgesetz art. 1: Epiphany, Corpus Christi, Assumption, All Saints.
        ("DE-BY", ["01-01", "01-06", "04-03", "04-06", "05-01", "05-14", "05-25", "06-04", "08-15", "10-03", "11-01", "12-25", "12-26"]),
        // Saxony, SächsSFG § 1: Reformation Day and Repentance and Prayer Day (Wednesday 18 November 2026).
        ("DE-SN", ["01-01", "04-03", "04-06", "05-01", "05-14", "05-25", "10-03", "10-31", "11-18", "12-25", "12-26"]),
        // Berlin, Feiertagsgesetz § 1: International Women's Day since 2019.
        ("DE-BE", ["01-01", "03-08", "04-03", "04-06", "05-01", "05-14", "05-25", "10-03", "12-25", "12-26"]),
        // Belgium, loi du 4 janvier 1974 and arrêté royal du 18 avril 1974.
        ("BE", ["01-01", "04-06", "05-01", "05-14", "05-25", "07-21", "08-15", "11-01", "11-11", "12-25"]),
        // Spain, fiestas nacionales 2026 (Resolución de la Dirección General de Trabajo, BOE, October 2025).
        ("ES", ["01-01", "01-06", "04-03", "05-01", "08-15", "10-12", "11-01", "12-06", "12-08", "12-25"]),
        // Italy, legge 260/1949 as amended; 4 October from 2026 (legge 151/2025).
        ("IT", ["01-01", "01-06", "04-06", "04-25", "05-01", "06-02", "08-15", "10-04", "11-01", "12-08", "12-25", "12-26"]),
        // Netherlands, Algemene termijnenwet art. 3 (King's Day on Monday 27 April 2026), with Good Friday.
        ("NL", ["01-01", "04-03", "04-06", "04-27", "05-05", "05-14", "05-25", "12-25", "12-26"]),
        // Ireland, citizensinformation.ie "Public holidays in Ireland" 2026 (St Brigid's Day Monday 2 February).
        ("IE", ["01-01", "02-02", "03-17", "04-06", "05-04", "06-01", "08-03", "10-26", "12-25", "12-26"]),
        // Luxembourg, Code du travail L.232-2 (Europe Day 9 May, a Saturday in 2026).
        ("LU", ["01-01", "04-06", "05-01", "05-09", "05-14", "05-25", "06-23", "08-15", "11-01", "12-25", "12-26"]),
        // England and Wales, gov.uk/bank-holidays 2026: Boxing Day (Saturday) substituted on Monday 28 December.
        ("GB", ["01-01", "04-03", "04-06", "05-04", "05-25", "08-31", "12-25", "12-28"]),
        // Scotland, gov.uk/bank-holidays 2026: 2 January, first Monday of August, St Andrew's Day.
        ("GB-SCT", ["01-01", "01-02", "04-03", "05-04", "05-25", "08-03", "11-30", "12-25", "12-28"]),
        // Northern Ireland, gov.uk/bank-holidays 2026: Battle of the Boyne (Sunday 12 July) on Monday 13 July.
        ("GB-NIR", ["01-01", "03-17", "04-03", "04-06", "05-04", "05-25", "07-13", "08-31", "12-25", "12-28"]),
    ])
    func holidays2026(code: String, days: [String]) throws {
        let calendar = try #require(PublicHolidays(code: code))
        #expect(calendar.holidays(in: 2026).map { String($0.iso.dropFirst(5)) } == days)
        #expect(PublicHolidays(code: try #require(calendar.code)) == calendar)
    }

    @Test("substitute days when Christmas falls on a weekend (England and Wales, 2021 and 2022)")
    func ukSubstitutes() {
        let england = PublicHolidays.unitedKingdom(.englandAndWales)
        // 2021: Christmas Saturday, Boxing Day Sunday → Monday 27 and Tuesday 28 December.
        #expect(england.holidays(in: 2021).suffix(2).map(\.iso) == ["2021-12-27", "2021-12-28"])
        // 2022: Christmas Sunday → Boxing Day Monday 26, Christmas substitute Tuesday 27; the jubilee and the funeral.
        let days = england.holidays(in: 2022).map(\.iso)
        #expect(days.suffix(2) == ["2022-12-26", "2022-12-27"])
        #expect(days.contains("2022-06-02") && days.contains("2022-06-03") && days.contains("2022-09-19"))
        #expect(!days.contains("2022-05-30"))
    }

    @Test("codes that name no calendar: EU, EEA, UK, an unknown Land or region", arguments: ["EU", "EEA", "UK", "DE-XX", "GB-LND", "E", ""])
    func unknownCodes(_ code: String) {
        #expect(PublicHolidays(code: code) == nil)
    }

    @Test("a country without a calendar of its own counts weekends only")
    func weekendsOnly() {
        #expect(PublicHolidays(code: "US") == .weekendsOnly)
        #expect(PublicHolidays.weekendsOnly.holidays(in: 2026).isEmpty)
    }

    @Test("working days follow the calendar: 5 working days from Thursday 31 December 2026")
    func workingDaysByCountry() throws {
        let five = DeadlinePeriod(5, .days)
        func last(_ code: String) throws -> String {
            DeadlineCalculator(holidays: try #require(PublicHolidays(code: code)))
                .lastDay(of: five, after: day("2026-12-31"), counting: .working).iso
        }
        // France: 1 January off → 4, 5, 6, 7, 8 January.
        #expect(try last("FR") == "2027-01-08")
        // Scotland: 1 January (Friday) and 2 January (Saturday → Monday 4) off → 5 to 11 January.
        #expect(try last("GB-SCT") == "2027-01-11")
        // Bavaria: Epiphany, Wednesday 6 January 2027, off → 4, 5, 7, 8, 11 January.
        #expect(try last("DE-BY") == "2027-01-11")
    }

    @Test("a 72-hour limit over the change to summer time in London: 71 elapsed hours, the same wall-clock time")
    func summerTimeLondon() throws {
        let london = DeadlineCalculator(timeZone: try #require(TimeZone(identifier: "Europe/London")), holidays: .unitedKingdom(.englandAndWales))
        // Friday 27 March 2026 16:30 GMT; clocks go forward on Sunday 29 March at 01:00 GMT.
        let aware = try #require(Instant.parse("2026-03-27T16:30", timeZone: london.timeZone))
        #expect(utc(london.end(of: DeadlinePeriod(72, .hours), after: aware)) == "2026-03-30T15:30:00.000Z")
    }

    @Test("the calendar of the party that must act: a London processor's working days are English ones")
    func partyCalendar() throws {
        var register = CompleteRegister.register
        let index = try #require(register.organisations.firstIndex { $0.id == "anct" })
        register.organisations[index].country = "GB"
        register.organisations[index].timeZone = "Europe/London"
        var agreement = register.agreements[0]
        agreement.subProcessorAuthorisation?.noticePeriod = nil  // the 30 days of the field would be the stricter
        agreement.terms = [ContractTerm(.changeNotice, period: DeadlinePeriod(2, .days), counting: .working, clause: "Art. 7.1")]
        register.agreements[0] = agreement
        // 2 working days from Thursday 7 May 2026: in France the 8th is a holiday (→ Tuesday 12 May);
        // in England it is not (→ Monday 11 May).
        let processor = try #require(agreement.reading(.changeNotice, from: day("2026-05-07"), in: register))
        #expect(processor.day == day("2026-05-11"))
        // A contract that names its calendar is counted in it, whoever acts.
        agreement.calendar = "FR"
        register.agreements[0] = agreement
        #expect(agreement.reading(.changeNotice, from: day("2026-05-07"), in: register)?.day == day("2026-05-12"))
    }
}
