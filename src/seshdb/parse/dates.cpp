#include "seshdb/parse/dates.hpp"

#include "seshdb/parse/times.hpp"
#include "seshdb/util/text.hpp"

#include <algorithm>
#include <array>
#include <vector>
#include <fmt/format.h>

namespace seshdb::parse {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_word_byte(char c) { return is_alpha(c) || static_cast<unsigned char>(c) >= 0x80; }

// Reads 1..max_len digits at pos; returns the count read (0 when none).
int read_number(std::string_view text, std::size_t pos, int max_len, int& value) {
  int n = 0;
  value = 0;
  while (pos + static_cast<std::size_t>(n) < text.size() && n < max_len && is_digit(text[pos + static_cast<std::size_t>(n)])) {
    value = value * 10 + (text[pos + static_cast<std::size_t>(n)] - '0');
    ++n;
  }
  // Too many digits: not the number we look for.
  if (pos + static_cast<std::size_t>(n) < text.size() && is_digit(text[pos + static_cast<std::size_t>(n)])) {
    return 0;
  }
  return n;
}

bool plausible_year(int year) { return year >= 1990 && year <= 2099; }

struct MonthName {
  std::string_view name;
  int month;
};

// Lower-case. Abbreviations that are common words in English (set, out,
// ago, gen, mag) are left out on purpose.
constexpr MonthName k_months[] = {
    MonthName{"january", 1}, MonthName{"jan", 1}, MonthName{"januari", 1}, MonthName{"januar", 1},
    MonthName{"jänner", 1}, MonthName{"janvier", 1}, MonthName{"janv", 1}, MonthName{"enero", 1},
    MonthName{"ene", 1}, MonthName{"gennaio", 1}, MonthName{"janeiro", 1},
    MonthName{"february", 2}, MonthName{"feb", 2}, MonthName{"februari", 2}, MonthName{"februar", 2},
    MonthName{"février", 2}, MonthName{"fevrier", 2}, MonthName{"févr", 2}, MonthName{"fév", 2},
    MonthName{"febrero", 2}, MonthName{"febbraio", 2}, MonthName{"fevereiro", 2}, MonthName{"fev", 2},
    MonthName{"march", 3}, MonthName{"mar", 3}, MonthName{"maart", 3}, MonthName{"mrt", 3},
    MonthName{"märz", 3}, MonthName{"maerz", 3}, MonthName{"mär", 3}, MonthName{"mars", 3},
    MonthName{"marzo", 3}, MonthName{"março", 3}, MonthName{"marco", 3},
    MonthName{"april", 4}, MonthName{"apr", 4}, MonthName{"avril", 4}, MonthName{"avr", 4},
    MonthName{"abril", 4}, MonthName{"abr", 4}, MonthName{"aprile", 4},
    MonthName{"may", 5}, MonthName{"mei", 5}, MonthName{"mai", 5}, MonthName{"mayo", 5},
    MonthName{"maggio", 5}, MonthName{"maio", 5},
    MonthName{"june", 6}, MonthName{"jun", 6}, MonthName{"juni", 6}, MonthName{"juin", 6},
    MonthName{"junio", 6}, MonthName{"giugno", 6}, MonthName{"junho", 6},
    MonthName{"july", 7}, MonthName{"jul", 7}, MonthName{"juli", 7}, MonthName{"juillet", 7},
    MonthName{"juil", 7}, MonthName{"julio", 7}, MonthName{"luglio", 7}, MonthName{"julho", 7},
    MonthName{"august", 8}, MonthName{"aug", 8}, MonthName{"augustus", 8}, MonthName{"août", 8},
    MonthName{"aout", 8}, MonthName{"agosto", 8},
    MonthName{"september", 9}, MonthName{"sep", 9}, MonthName{"sept", 9}, MonthName{"septembre", 9},
    MonthName{"septiembre", 9}, MonthName{"setiembre", 9}, MonthName{"settembre", 9}, MonthName{"setembro", 9},
    MonthName{"october", 10}, MonthName{"oct", 10}, MonthName{"oktober", 10}, MonthName{"okt", 10},
    MonthName{"octobre", 10}, MonthName{"octubre", 10}, MonthName{"ottobre", 10}, MonthName{"outubro", 10},
    MonthName{"november", 11}, MonthName{"nov", 11}, MonthName{"novembre", 11}, MonthName{"noviembre", 11},
    MonthName{"novembro", 11},
    MonthName{"december", 12}, MonthName{"dec", 12}, MonthName{"dezember", 12}, MonthName{"dez", 12},
    MonthName{"décembre", 12}, MonthName{"decembre", 12}, MonthName{"déc", 12}, MonthName{"diciembre", 12},
    MonthName{"dic", 12}, MonthName{"dicembre", 12}, MonthName{"dezembro", 12},
    // Russian and Ukrainian, as a date writes them ("3 марта") and as a
    // month's heading does ("Март 2025", "Березень 2025"), with abbreviations.
    MonthName{"января", 1}, MonthName{"январь", 1}, MonthName{"янв", 1}, MonthName{"февраля", 2},
    MonthName{"февраль", 2}, MonthName{"фев", 2}, MonthName{"марта", 3}, MonthName{"март", 3},
    MonthName{"мар", 3}, MonthName{"апреля", 4}, MonthName{"апрель", 4}, MonthName{"апр", 4},
    MonthName{"мая", 5}, MonthName{"май", 5}, MonthName{"июня", 6}, MonthName{"июнь", 6},
    MonthName{"июн", 6}, MonthName{"июля", 7}, MonthName{"июль", 7}, MonthName{"июл", 7},
    MonthName{"августа", 8}, MonthName{"август", 8}, MonthName{"авг", 8}, MonthName{"сентября", 9},
    MonthName{"сентябрь", 9}, MonthName{"сен", 9}, MonthName{"сент", 9}, MonthName{"октября", 10},
    MonthName{"октябрь", 10}, MonthName{"окт", 10}, MonthName{"ноября", 11}, MonthName{"ноябрь", 11},
    MonthName{"ноя", 11}, MonthName{"нояб", 11}, MonthName{"декабря", 12}, MonthName{"декабрь", 12},
    MonthName{"дек", 12},
    MonthName{"січня", 1}, MonthName{"січень", 1}, MonthName{"лютого", 2}, MonthName{"лютий", 2},
    MonthName{"березня", 3}, MonthName{"березень", 3}, MonthName{"квітня", 4}, MonthName{"квітень", 4},
    MonthName{"травня", 5}, MonthName{"травень", 5}, MonthName{"червня", 6}, MonthName{"червень", 6},
    MonthName{"липня", 7}, MonthName{"липень", 7}, MonthName{"серпня", 8}, MonthName{"серпень", 8},
    MonthName{"вересня", 9}, MonthName{"вересень", 9}, MonthName{"жовтня", 10}, MonthName{"жовтень", 10},
    MonthName{"листопада", 11}, MonthName{"листопад", 11}, MonthName{"грудня", 12}, MonthName{"грудень", 12},
    // Polish, both cases ("3 marca", "Marzec 2025").
    MonthName{"stycznia", 1}, MonthName{"styczeń", 1}, MonthName{"lutego", 2}, MonthName{"luty", 2},
    MonthName{"marca", 3}, MonthName{"marzec", 3}, MonthName{"kwietnia", 4}, MonthName{"kwiecień", 4},
    MonthName{"maja", 5}, MonthName{"maj", 5}, MonthName{"czerwca", 6}, MonthName{"czerwiec", 6}, MonthName{"lipca", 7},
    MonthName{"lipiec", 7}, MonthName{"sierpnia", 8}, MonthName{"sierpień", 8}, MonthName{"września", 9},
    MonthName{"wrzesień", 9}, MonthName{"października", 10}, MonthName{"październik", 10},
    MonthName{"listopada", 11}, MonthName{"listopad", 11}, MonthName{"grudnia", 12}, MonthName{"grudzień", 12},
    // Turkish and Indonesian.
    MonthName{"ocak", 1}, MonthName{"şubat", 2}, MonthName{"mart", 3}, MonthName{"nisan", 4}, MonthName{"mayıs", 5},
    MonthName{"haziran", 6}, MonthName{"temmuz", 7}, MonthName{"ağustos", 8}, MonthName{"eylül", 9},
    MonthName{"ekim", 10}, MonthName{"kasım", 11}, MonthName{"aralık", 12},
    MonthName{"maret", 3}, MonthName{"agustus", 8}, MonthName{"desember", 12},
    // Czech, both cases ("6. března 2025", "Březen 2025").
    MonthName{"ledna", 1}, MonthName{"leden", 1}, MonthName{"února", 2}, MonthName{"únor", 2},
    MonthName{"března", 3}, MonthName{"březen", 3}, MonthName{"dubna", 4}, MonthName{"duben", 4},
    MonthName{"května", 5}, MonthName{"květen", 5}, MonthName{"června", 6}, MonthName{"červen", 6},
    MonthName{"července", 7}, MonthName{"červenec", 7}, MonthName{"srpna", 8}, MonthName{"srpen", 8},
    MonthName{"září", 9}, MonthName{"října", 10}, MonthName{"říjen", 10}, MonthName{"listopadu", 11},
    MonthName{"prosince", 12}, MonthName{"prosinec", 12},
    // Romanian, Hungarian, Danish, Finnish, Malay ("3 martie 2025", "2025. március 4.",
    // "4. marts 2025", "4. maaliskuuta 2025", "3 Ogos 2025").
    MonthName{"ianuarie", 1}, MonthName{"februarie", 2}, MonthName{"martie", 3}, MonthName{"aprilie", 4},
    MonthName{"iunie", 6}, MonthName{"iulie", 7}, MonthName{"septembrie", 9}, MonthName{"octombrie", 10},
    MonthName{"noiembrie", 11}, MonthName{"decembrie", 12},
    MonthName{"január", 1}, MonthName{"február", 2}, MonthName{"febr", 2}, MonthName{"március", 3},
    MonthName{"márc", 3}, MonthName{"április", 4}, MonthName{"ápr", 4}, MonthName{"május", 5}, MonthName{"máj", 5},
    MonthName{"június", 6}, MonthName{"jún", 6}, MonthName{"július", 7}, MonthName{"júl", 7}, MonthName{"augusztus", 8},
    MonthName{"szeptember", 9}, MonthName{"szept", 9}, MonthName{"október", 10},
    MonthName{"marts", 3},
    MonthName{"tammikuuta", 1}, MonthName{"helmikuuta", 2}, MonthName{"maaliskuuta", 3}, MonthName{"huhtikuuta", 4},
    MonthName{"toukokuuta", 5}, MonthName{"kesäkuuta", 6}, MonthName{"heinäkuuta", 7}, MonthName{"elokuuta", 8},
    MonthName{"syyskuuta", 9}, MonthName{"lokakuuta", 10}, MonthName{"marraskuuta", 11}, MonthName{"joulukuuta", 12},
    MonthName{"julai", 7}, MonthName{"ogos", 8}, MonthName{"disember", 12}, MonthName{"mac", 3},
    // Greek, as a date writes them and as a month's heading does, with abbreviations.
    MonthName{"ιανουαρίου", 1}, MonthName{"ιανουάριος", 1}, MonthName{"ιαν", 1}, MonthName{"φεβρουαρίου", 2},
    MonthName{"φεβρουάριος", 2}, MonthName{"φεβ", 2}, MonthName{"μαρτίου", 3}, MonthName{"μάρτιος", 3},
    MonthName{"μαρ", 3}, MonthName{"απριλίου", 4}, MonthName{"απρίλιος", 4}, MonthName{"απρ", 4},
    MonthName{"μαΐου", 5}, MonthName{"μάιος", 5}, MonthName{"ιουνίου", 6}, MonthName{"ιούνιος", 6},
    MonthName{"ιουν", 6}, MonthName{"ιουλίου", 7}, MonthName{"ιούλιος", 7}, MonthName{"ιουλ", 7},
    MonthName{"αυγούστου", 8}, MonthName{"αύγουστος", 8}, MonthName{"αυγ", 8}, MonthName{"σεπτεμβρίου", 9},
    MonthName{"σεπτέμβριος", 9}, MonthName{"σεπ", 9}, MonthName{"οκτωβρίου", 10}, MonthName{"οκτώβριος", 10},
    MonthName{"οκτ", 10}, MonthName{"νοεμβρίου", 11}, MonthName{"νοέμβριος", 11}, MonthName{"νοε", 11},
    MonthName{"δεκεμβρίου", 12}, MonthName{"δεκέμβριος", 12}, MonthName{"δεκ", 12},
    // Hebrew, with and without the "in" prefix ("2 במרץ 2025").
    MonthName{"ינואר", 1}, MonthName{"בינואר", 1}, MonthName{"פברואר", 2}, MonthName{"בפברואר", 2},
    MonthName{"מרץ", 3}, MonthName{"במרץ", 3}, MonthName{"אפריל", 4}, MonthName{"באפריל", 4},
    MonthName{"מאי", 5}, MonthName{"במאי", 5}, MonthName{"יוני", 6}, MonthName{"ביוני", 6},
    MonthName{"יולי", 7}, MonthName{"ביולי", 7}, MonthName{"אוגוסט", 8}, MonthName{"באוגוסט", 8},
    MonthName{"ספטמבר", 9}, MonthName{"בספטמבר", 9}, MonthName{"אוקטובר", 10}, MonthName{"באוקטובר", 10},
    MonthName{"נובמבר", 11}, MonthName{"בנובמבר", 11}, MonthName{"דצמבר", 12}, MonthName{"בדצמבר", 12},
    // Arabic, the Egyptian and Gulf names and the Levantine ones of one word.
    MonthName{"يناير", 1}, MonthName{"فبراير", 2}, MonthName{"مارس", 3}, MonthName{"أبريل", 4}, MonthName{"ابريل", 4},
    MonthName{"مايو", 5}, MonthName{"يونيو", 6}, MonthName{"يوليو", 7}, MonthName{"أغسطس", 8}, MonthName{"اغسطس", 8},
    MonthName{"سبتمبر", 9}, MonthName{"أكتوبر", 10}, MonthName{"اكتوبر", 10}, MonthName{"نوفمبر", 11},
    MonthName{"ديسمبر", 12}, MonthName{"شباط", 2}, MonthName{"آذار", 3}, MonthName{"نيسان", 4}, MonthName{"أيار", 5},
    MonthName{"حزيران", 6}, MonthName{"تموز", 7}, MonthName{"آب", 8}, MonthName{"أيلول", 9},
    // Hindi.
    MonthName{"जनवरी", 1}, MonthName{"फ़रवरी", 2}, MonthName{"फरवरी", 2}, MonthName{"मार्च", 3}, MonthName{"अप्रैल", 4},
    MonthName{"मई", 5}, MonthName{"जून", 6}, MonthName{"जुलाई", 7}, MonthName{"अगस्त", 8}, MonthName{"सितंबर", 9},
    MonthName{"सितम्बर", 9}, MonthName{"अक्टूबर", 10}, MonthName{"अक्तूबर", 10}, MonthName{"नवंबर", 11},
    MonthName{"नवम्बर", 11}, MonthName{"दिसंबर", 12}, MonthName{"दिसम्बर", 12},
};

std::size_t skip_spaces(std::string_view text, std::size_t p);

// Numeric dates: YYYY-MM-DD, YYYY/MM/DD, YYYY.M.D, YYYY年M月D日, and the
// day-first DD.MM.YYYY and US MM/DD/YYYY forms.
std::optional<DateMatch> numeric_date_at(std::string_view text, std::size_t pos) {
  if (pos > 0 && (is_digit(text[pos - 1]) || text[pos - 1] == '.' || text[pos - 1] == '/' || is_alpha(text[pos - 1]))) {
    // Part of a longer number, version or identifier; "v2025.1.2" is no date.
    if (!(pos > 0 && text[pos - 1] == 'T')) {
      return std::nullopt;
    }
  }
  int a = 0;
  const int na = read_number(text, pos, 4, a);
  if (na == 0) {
    return std::nullopt;
  }
  std::size_t p = pos + static_cast<std::size_t>(na);
  if (p >= text.size()) {
    return std::nullopt;
  }
  int first_year = a;
  bool year_first = na == 4 && plausible_year(a);
  // "令和7年7月14日": a Japanese era's year (令和 from 2019, 平成 1989-2019).
  if (na <= 2 && a >= 1 && pos >= 6 && text.substr(p).starts_with("年")) {
    const std::string_view era = text.substr(pos - 6, 6);
    if (era == "令和") {
      first_year = 2018 + a;
      year_first = true;
    } else if (era == "平成" && a <= 31) {
      first_year = 1988 + a;
      year_first = true;
    }
  }
  if (year_first) {
    // Year first.
    std::string_view rest = text.substr(p);
    // 年月日 in Chinese and Japanese; 년 월 일 in Korean, with spaces between.
    const bool korean = rest.starts_with("년");
    const bool cjk = rest.starts_with("年") || korean;
    char sep = cjk ? 'y' : text[p];
    if (!cjk && sep != '-' && sep != '/' && sep != '.') {
      return std::nullopt;
    }
    p += cjk ? std::string_view("年").size() : 1;
    if (korean) {
      p = skip_spaces(text, p);
    }
    int month = 0;
    const int nm = read_number(text, p, 2, month);
    if (nm == 0) {
      return std::nullopt;
    }
    p += static_cast<std::size_t>(nm);
    if (cjk) {
      if (!text.substr(p).starts_with(korean ? "월" : "月")) {
        return std::nullopt;
      }
      p += std::string_view("月").size();
      if (korean) {
        p = skip_spaces(text, p);
      }
    } else if (p >= text.size() || text[p] != sep) {
      return std::nullopt;
    } else {
      ++p;
    }
    int day = 0;
    const int nd = read_number(text, p, 2, day);
    if (nd == 0) {
      return std::nullopt;
    }
    p += static_cast<std::size_t>(nd);
    if (cjk && text.substr(p).starts_with(korean ? "일" : "日")) {
      p += std::string_view("日").size();
    }
    // "2025.12.28.1" is a version number; "2025-04-02-1530-oauth" a date and
    // its time, as a file name writes them.
    if (!cjk && p < text.size() && (text[p] == sep) && p + 1 < text.size() && is_digit(text[p + 1])) {
      const bool hhmm = sep == '-' && p + 5 <= text.size() && is_digit(text[p + 2]) && is_digit(text[p + 3]) &&
                        is_digit(text[p + 4]) && (p + 5 == text.size() || !is_digit(text[p + 5])) &&
                        (text[p + 1] - '0') * 10 + (text[p + 2] - '0') < 24 && text[p + 3] < '6';
      if (!hhmm) {
        return std::nullopt;
      }
    }
    if (!is_valid_date(first_year, month, day)) {
      return std::nullopt;
    }
    return DateMatch{first_year, month, day, pos, p};
  }
  if (na <= 2 && (text.substr(p).starts_with("月") || text.substr(p).starts_with("월"))) {
    // "5月3日", "6월 5일" with no year (the file's year is inferred later); 日
    // is required, so "5月" alone (a month) or "3月份" is not a date.
    const bool korean = text.substr(p).starts_with("월");
    std::size_t q = p + std::string_view("月").size();
    if (korean) {
      q = skip_spaces(text, q);
    }
    int day = 0;
    const int nd = read_number(text, q, 2, day);
    q += static_cast<std::size_t>(nd);
    if (nd == 0 || !text.substr(q).starts_with(korean ? "일" : "日") || !is_valid_date(2000, a, day)) {
      return std::nullopt;
    }
    return DateMatch{0, a, day, pos, q + std::string_view("日").size()};
  }
  if (na <= 2) {
    // Day or month first, year last: 04.12.2025 (day first), 12/04/2025 (US),
    // 17/11/2025, 03-18-2025; and with two year digits, 3/18/25, 03-06-25, 13.03.25.
    const char sep = text[p];
    if (sep != '.' && sep != '/' && sep != '-') {
      return std::nullopt;
    }
    ++p;
    // "5. 3. 2025": Czech and Slovak put a space after each dot.
    const bool spaced = sep == '.' && p + 1 < text.size() && text[p] == ' ' && is_digit(text[p + 1]);
    p += spaced ? 1 : 0;
    int b = 0;
    const int nb = read_number(text, p, 2, b);
    if (nb == 0 || p + static_cast<std::size_t>(nb) >= text.size() || text[p + static_cast<std::size_t>(nb)] != sep) {
      return std::nullopt;
    }
    p += static_cast<std::size_t>(nb) + 1;
    if (spaced) {
      if (p + 1 >= text.size() || text[p] != ' ' || !is_digit(text[p + 1])) {
        return std::nullopt;
      }
      ++p;
    }
    int year = 0;
    const int ny = read_number(text, p, 4, year);
    const bool long_year = ny == 4 && plausible_year(year);
    // Two year digits: not a version ("1.2.25", "10.4.3.25") nor a longer run,
    // and for dots and dashes only with two-digit day and month ("03-06-25").
    const std::size_t year_end = p + static_cast<std::size_t>(ny);
    // 20..39 only: "25/03/18" is year first (2025-03-18) as often as day
    // first, and CalVer "24.10.01" is a version.
    const bool short_year = ny == 2 && year >= 20 && year <= 39 && (sep == '/' || (na == 2 && nb == 2)) &&
                            (year_end >= text.size() ||
                             (!is_digit(text[year_end]) && !is_word_byte(text[year_end]) &&
                              !((text[year_end] == '.' || text[year_end] == '-' || text[year_end] == '/') &&
                                year_end + 1 < text.size() && is_digit(text[year_end + 1]))));
    if (!long_year && !short_year) {
      return std::nullopt;
    }
    if (short_year) {
      year += 2000;
    }
    p = year_end;
    // A slash date is US month/day unless the first number cannot be a month: 17/11/2025.
    const bool day_first = sep == '.' || a > 12;
    const int day = day_first ? a : b;
    const int month = day_first ? b : a;
    if (!is_valid_date(year, month, day)) {
      return std::nullopt;
    }
    return DateMatch{year, month, day, pos, p};
  }
  return std::nullopt;
}

std::size_t skip_spaces(std::string_view text, std::size_t p) {
  while (p < text.size() && (text[p] == ' ' || text[p] == '\t')) {
    ++p;
  }
  return p;
}

// A day number with an optional ordinal suffix; not followed by a digit or
// a time colon.
bool read_day(std::string_view text, std::size_t& p, int& day) {
  const int n = read_number(text, p, 2, day);
  if (n == 0 || day < 1 || day > 31) {
    return false;
  }
  std::size_t q = p + static_cast<std::size_t>(n);
  for (std::string_view suffix : {"st", "nd", "rd", "th", "er", "e"}) {
    // "17th–18th": a dash may follow the suffix straight away.
    const std::string_view after_suffix = text.substr(std::min(text.size(), q + suffix.size()));
    if (text.substr(q).starts_with(suffix) && (after_suffix.empty() || !is_word_byte(after_suffix.front()) ||
                                               after_suffix.starts_with("–") || after_suffix.starts_with("—"))) {
      q += suffix.size();
      break;
    }
  }
  if (q < text.size() && text[q] == ':' && q + 1 < text.size() && is_digit(text[q + 1])) {
    return false; // 4:30 is a time
  }
  if (q < text.size() && is_word_byte(text[q]) && !text.substr(q).starts_with("–") && !text.substr(q).starts_with("—")) {
    return false; // "4x", "15th-century" are not days
  }
  p = q;
  return true;
}

int read_month_word(std::string_view text, std::size_t pos, std::size_t& end);

// The rest of a day range after its first day: "–21", " - 21st", "-Apr 2",
// " – March 2", " to 21". Returns where it ends, npos when there is none.
// The month of a second month word is not needed: the range is dated by its
// first day, the year after it applies to both.
bool is_weekday_name(std::string_view lower);

std::size_t skip_day_range_end(std::string_view text, std::size_t p, bool* weekday_named = nullptr) {
  std::size_t q = skip_spaces(text, p);
  if (text.substr(q).starts_with("–") || text.substr(q).starts_with("—")) {
    q += std::string_view("–").size();
  } else if (q < text.size() && text[q] == '-') {
    ++q;
  } else if (text.substr(q).starts_with("to ") && q > p) {
    q += 3;
  } else {
    return std::string_view::npos;
  }
  q = skip_spaces(text, q);
  // "Sat 7 – Sun 8 Jun": the range's end names its weekday too.
  {
    std::size_t w = q;
    while (w < text.size() && is_alpha(text[w])) {
      ++w;
    }
    if (w > q && w < text.size() && text[w] == ' ' && is_weekday_name(util::to_lower_ascii(text.substr(q, w - q)))) {
      q = skip_spaces(text, w);
      if (weekday_named != nullptr) {
        *weekday_named = true;
      }
    }
  }
  std::size_t month_end = q;
  if (read_month_word(text, q, month_end) != 0) {
    q = skip_spaces(text, month_end);
  }
  int day = 0;
  return read_day(text, q, day) ? q : std::string_view::npos;
}

bool read_year(std::string_view text, std::size_t& p, int& year) {
  std::size_t q = p;
  if (q < text.size() && text[q] == ',') {
    ++q;
  }
  q = skip_spaces(text, q);
  if (text.substr(q).starts_with("de ")) {
    q += 3;
  } else if (text.substr(q).starts_with("năm ")) {
    q += std::string_view("năm ").size();
  }
  if (read_number(text, q, 4, year) == 4 && plausible_year(year)) {
    p = q + 4;
    return true;
  }
  // "Nov 17 '25": an apostrophe and two digits, this century.
  if (q + 2 < text.size() && (text[q] == '\'' || text.substr(q).starts_with("’"))) {
    const std::size_t digits = q + (text[q] == '\'' ? 1 : std::string_view("’").size());
    if (read_number(text, digits, 2, year) == 2) {
      year += 2000;
      p = digits + 2;
      return true;
    }
  }
  return false;
}

// A month name at pos ("Dec", "décembre", "März."): its number, and where it
// ends (after an abbreviation's dot); 0 when the word is no month.
int read_month_word(std::string_view text, std::size_t pos, std::size_t& end) {
  std::size_t e = pos;
  while (e < text.size() && is_word_byte(text[e])) {
    ++e;
  }
  const int month = month_from_name(util::to_lower_ascii(text.substr(pos, e - pos)));
  if (month != 0 && e < text.size() && text[e] == '.') {
    ++e;
  }
  end = e;
  return month;
}

// "Dec 4, 2025", "December 4th 2025", "Jan 15" at a month word starting at pos.
std::optional<DateMatch> month_name_date_at(std::string_view text, std::size_t pos) {
  if (pos > 0 && (is_word_byte(text[pos - 1]) || is_digit(text[pos - 1]))) {
    return std::nullopt;
  }
  std::size_t end = pos;
  const int month = read_month_word(text, pos, end);
  // Malay's "Mac" is March only after its day ("3 Mac"): "Mac 12" is a computer.
  if (month == 0 || util::iequals_ascii(text.substr(pos, end - pos), "mac")) {
    return std::nullopt;
  }
  std::size_t p = skip_spaces(text, end);
  int day = 0;
  if (p >= text.size() || !is_digit(text[p])) {
    return std::nullopt;
  }
  std::size_t q = p;
  if (!read_day(text, q, day)) {
    return std::nullopt;
  }
  int year = 0;
  std::size_t r = q;
  // "Mar 17–21, 2025", "Mar 30 – Apr 3, 2025": the first day, the range's year.
  if (const std::size_t range_end = skip_day_range_end(text, q); range_end != std::string_view::npos) {
    std::size_t after = range_end;
    if (read_year(text, after, year) && is_valid_date(year, month, day)) {
      return DateMatch{year, month, day, pos, after};
    }
    if (text.substr(q).starts_with("–") || text.substr(q).starts_with("—")) {
      return std::nullopt; // "Week 34 recap (Aug 18–22)": a stretch of days, no one day (as before ranges were read)
    }
  }
  if (read_year(text, r, year)) {
    if (!is_valid_date(year, month, day)) {
      return std::nullopt;
    }
    return DateMatch{year, month, day, pos, r};
  }
  // "Mon Mar  3 14:02:11 PST 2025", as date(1) prints it: the year after the
  // clock and its zone. The match ends at the day, so the clock is read after it.
  {
    std::size_t c = skip_spaces(text, q);
    const bool clock = c + 5 <= text.size() && is_digit(text[c]) && is_digit(text[c + 1]) && text[c + 2] == ':' &&
                       is_digit(text[c + 3]) && is_digit(text[c + 4]);
    if (clock && c > q) {
      c += 5;
      if (c + 3 <= text.size() && text[c] == ':' && is_digit(text[c + 1]) && is_digit(text[c + 2])) {
        c += 3;
      }
      c = skip_spaces(text, c);
      std::size_t zone_end = c;
      while (zone_end < text.size() && zone_end - c < 5 && text[zone_end] >= 'A' && text[zone_end] <= 'Z') {
        ++zone_end;
      }
      c = skip_spaces(text, zone_end);
      int clock_year = 0;
      if (read_number(text, c, 4, clock_year) == 4 && plausible_year(clock_year) &&
          (c + 4 == text.size() || !is_digit(text[c + 4])) && is_valid_date(clock_year, month, day)) {
        return DateMatch{clock_year, month, day, pos, q};
      }
    }
  }
  // "Jan 2025" style: the number was a year, not a day; read_day refused 4 digits.
  if (!is_valid_date(2000, month, day)) {
    return std::nullopt;
  }
  return DateMatch{0, month, day, pos, q};
}

// "4 December 2025", "6 okt 2025", "4. März 2025", "15 de enero de 2025".
std::optional<DateMatch> day_first_date_at(std::string_view text, std::size_t pos) {
  if (pos > 0 && (is_digit(text[pos - 1]) || is_word_byte(text[pos - 1]) || text[pos - 1] == '.' || text[pos - 1] == ':')) {
    return std::nullopt;
  }
  // "2025-09 September": the month of a year-month, not the 9th.
  if (pos >= 2 && text[pos - 1] == '-' && is_digit(text[pos - 2])) {
    return std::nullopt;
  }
  int day = 0;
  std::size_t p = pos;
  const int n = read_number(text, p, 2, day);
  if (n == 0 || day < 1 || day > 31) {
    return std::nullopt;
  }
  p += static_cast<std::size_t>(n);
  for (std::string_view suffix : {"st", "nd", "rd", "th", "er", "."}) {
    if (text.substr(p).starts_with(suffix)) {
      p += suffix.size();
      break;
    }
  }
  // "17–21 Mar 2025", "17. – 21. März 2025": the first day of a range, with
  // the dash close to it or a day's dot, as "Sitzung 1 – 3. März" has not.
  const bool dotted = p > 0 && text[p - 1] == '.';
  bool weekday_named = false;
  // "Sat 7 – Sun 8 Jun": a weekday on both sides; "Session 3 – Mon 9 Jun" is no range.
  const auto weekday_before = [&] {
    std::size_t e = pos;
    while (e > 0 && text[e - 1] == ' ') {
      --e;
    }
    std::size_t b = e;
    while (b > 0 && is_alpha(text[b - 1])) {
      --b;
    }
    return b < e && is_weekday_name(util::to_lower_ascii(text.substr(b, e - b)));
  };
  if (const std::size_t range_end = skip_day_range_end(text, p, &weekday_named);
      range_end != std::string_view::npos && range_end < text.size() &&
      (dotted || (weekday_named && weekday_before()) || (p < text.size() && text[p] != ' '))) {
    if (text[range_end] == ' ') {
      p = range_end;
    } else if (text[range_end] == '.' && dotted) {
      p = range_end + 1;
    }
  }
  if (p >= text.size() || (text[p] != ' ' && text[p] != '-')) {
    return std::nullopt;
  }
  ++p;
  p = skip_spaces(text, p);
  if (text.substr(p).starts_with("de ")) {
    p += 3;
  }
  std::size_t q = p;
  int month = read_month_word(text, p, q);
  // Thai names, whole or cut short with dots ("3 มี.ค. 2568"), and the
  // Buddhist era's years, 543 ahead ("พ.ศ. 2568" is 2025; "68" its short form).
  bool thai = false;
  if (month == 0 && static_cast<unsigned char>(text[p]) == 0xE0) {
    static constexpr std::pair<std::string_view, int> k_thai[] = {
        {"มกราคม", 1},  {"ม.ค.", 1},  {"กุมภาพันธ์", 2}, {"ก.พ.", 2},   {"มีนาคม", 3},   {"มี.ค.", 3},
        {"เมษายน", 4},  {"เม.ย.", 4}, {"พฤษภาคม", 5},  {"พ.ค.", 5},   {"มิถุนายน", 6},  {"มิ.ย.", 6},
        {"กรกฎาคม", 7}, {"ก.ค.", 7},  {"สิงหาคม", 8},   {"ส.ค.", 8},   {"กันยายน", 9},   {"ก.ย.", 9},
        {"ตุลาคม", 10}, {"ต.ค.", 10}, {"พฤศจิกายน", 11}, {"พ.ย.", 11}, {"ธันวาคม", 12}, {"ธ.ค.", 12}};
    for (const auto& [name, number] : k_thai) {
      if (text.substr(p).starts_with(name)) {
        month = number;
        q = p + name.size();
        thai = true;
        break;
      }
    }
    if (thai) {
      std::size_t y = skip_spaces(text, q);
      if (text.substr(y).starts_with("พ.ศ.")) {
        y = skip_spaces(text, y + std::string_view("พ.ศ.").size());
      }
      int written = 0;
      const int digits = read_number(text, y, 4, written);
      const int year = digits == 4 && written >= 2533 && written <= 2642 ? written - 543
                       : digits == 4 && plausible_year(written)           ? written
                       : digits == 2                                      ? written + 2500 - 543
                                                                          : 0;
      if (year != 0 && plausible_year(year) && (y + static_cast<std::size_t>(digits) >= text.size() ||
                                                !is_digit(text[y + static_cast<std::size_t>(digits)]))) {
        if (!is_valid_date(year, month, day)) {
          return std::nullopt;
        }
        return DateMatch{year, month, day, pos, y + static_cast<std::size_t>(digits)};
      }
    }
  }
  // "ngày 5 tháng 3 năm 2025": Vietnamese numbers its months.
  if (month == 0 && text.substr(p).starts_with("tháng ")) {
    q = p + std::string_view("tháng ").size();
    const int digits = read_number(text, q, 2, month);
    q += static_cast<std::size_t>(digits);
    if (digits == 0 || month < 1 || month > 12 || (q < text.size() && is_word_byte(text[q]))) {
      return std::nullopt;
    }
  }
  if (month == 0) {
    return std::nullopt;
  }
  int year = 0;
  std::size_t r = q; // "4-Dec-2025": the dash before the year is skipped below
  if (r < text.size() && text[r] == '-') {
    ++r;
    // "03-mar-25": two year digits, this century, when dashes join all three.
    if (pos + 2 <= text.size() && text[p - 1] == '-' && r + 2 <= text.size() && is_digit(text[r]) && is_digit(text[r + 1]) &&
        (r + 2 == text.size() || (!is_digit(text[r + 2]) && !is_word_byte(text[r + 2]))) && text[r] >= '2' && text[r] <= '3') {
      year = 2000 + (text[r] - '0') * 10 + (text[r + 1] - '0');
      if (!is_valid_date(year, month, day)) {
        return std::nullopt;
      }
      return DateMatch{year, month, day, pos, r + 2};
    }
  }
  if (read_year(text, r, year)) {
    if (!is_valid_date(year, month, day)) {
      return std::nullopt;
    }
    return DateMatch{year, month, day, pos, r};
  }
  if (!is_valid_date(2000, month, day)) {
    return std::nullopt;
  }
  return DateMatch{0, month, day, pos, q};
}

} // namespace

std::string normalize_width(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    // ASCII runs are copied whole: most lines are nothing else.
    std::size_t ascii_end = pos;
    while (ascii_end < text.size() && static_cast<unsigned char>(text[ascii_end]) < 0x80) {
      ++ascii_end;
    }
    if (ascii_end > pos) {
      out.append(text, pos, ascii_end - pos);
      pos = ascii_end;
      continue;
    }
    const std::size_t before = pos;
    const char32_t cp = util::decode_utf8(text, pos);
    if (cp >= 0xFF01 && cp <= 0xFF5E) {
      out += static_cast<char>(cp - 0xFF01 + 0x21);
    } else if ((cp >= 0x0660 && cp <= 0x0669) || (cp >= 0x06F0 && cp <= 0x06F9) || (cp >= 0x0966 && cp <= 0x096F) ||
               (cp >= 0x0E50 && cp <= 0x0E59)) {
      // Arabic-Indic, Persian, Devanagari and Thai digits read as the digits they are: "٢ مارس ٢٠٢٥".
      const char32_t zero = cp >= 0x0E50 ? 0x0E50 : (cp >= 0x0966 ? 0x0966 : (cp >= 0x06F0 ? 0x06F0 : 0x0660));
      out += static_cast<char>('0' + (cp - zero));
    } else if (cp == 0x3000 || cp == 0x00A0) {
      out += ' ';
    } else if (cp == 0x3010 || cp == 0x3011) {
      out += cp == 0x3010 ? '[' : ']'; // 【P1】, 【2025-03-04】
    } else if (cp == 0x2010 || cp == 0x2011) {
      out += '-'; // the hyphens a word processor puts in "2025‑03‑04"
    } else if (cp == 0x2013 || cp == 0x2014) {
      out += text.substr(before, pos - before); // dashes keep their meaning as written
    } else if (cp == 0x5E74 || cp == 0x6708 || cp == 0x65E5) {
      // "2024 年 11 月 4 日", spaced as Chinese typesetting spaces digits from
      // Han, reads as "2024年11月4日".
      std::size_t spaces = 0;
      while (spaces < out.size() && out[out.size() - 1 - spaces] == ' ') {
        ++spaces;
      }
      if (spaces > 0 && spaces < out.size() && out[out.size() - 1 - spaces] >= '0' && out[out.size() - 1 - spaces] <= '9') {
        out.resize(out.size() - spaces);
      }
      out += text.substr(before, pos - before);
      if (cp != 0x65E5) {
        std::size_t after = pos;
        while (after < text.size() && text[after] == ' ') {
          ++after;
        }
        if (after > pos && after < text.size() && text[after] >= '0' && text[after] <= '9' && out.size() > 3 &&
            out[out.size() - 4] >= '0' && out[out.size() - 4] <= '9') {
          pos = after;
        }
      }
    } else {
      out += text.substr(before, pos - before);
    }
  }
  return out;
}

int month_from_name(std::string_view lower_name) {
  if (lower_name.empty() || lower_name.size() > 24) {
    return 0;
  }
  // The names sorted once, for a binary search: most words asked are no month.
  static const std::vector<MonthName> sorted = [] {
    std::vector<MonthName> names(std::begin(k_months), std::end(k_months));
    std::sort(names.begin(), names.end(), [](const MonthName& a, const MonthName& b) { return a.name < b.name; });
    return names;
  }();
  const auto find = [&](std::string_view name) {
    const auto at = std::lower_bound(sorted.begin(), sorted.end(), name,
                                     [](const MonthName& entry, std::string_view key) { return entry.name < key; });
    return at != sorted.end() && at->name == name ? at->month : 0;
  };
  // "Марта", "Şubat": capitals beyond ASCII, which the callers leave.
  if (static_cast<unsigned char>(lower_name.front()) >= 0x80) {
    return find(util::to_lower_letters(lower_name));
  }
  return find(lower_name);
}

bool is_valid_date(int year, int month, int day) {
  if (month < 1 || month > 12 || day < 1) {
    return false;
  }
  static constexpr int k_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int limit = k_days[month - 1];
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (month == 2 && leap) {
    limit = 29;
  }
  return day <= limit;
}

std::int64_t days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * static_cast<unsigned>(m + (m > 2 ? -3 : 9)) + 2) / 5 + static_cast<unsigned>(d) - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

void civil_from_days(std::int64_t z, int& year, int& month, int& day) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  year = static_cast<int>(y + (month <= 2));
}

int weekday(int year, int month, int day) {
  const std::int64_t days = days_from_civil(year, month, day);
  return static_cast<int>(days >= -4 ? (days + 4) % 7 : (days + 5) % 7 + 6);
}

std::string format_date(int year, int month, int day) {
  return fmt::format("{:04}-{:02}-{:02}", year, month, day);
}

std::optional<DateMatch> find_date(std::string_view text, std::size_t from) {
  for (std::size_t pos = from; pos < text.size(); ++pos) {
    const char c = text[pos];
    if (is_digit(c)) {
      if (auto match = numeric_date_at(text, pos)) {
        return match;
      }
      if (auto match = day_first_date_at(text, pos)) {
        return match;
      }
      // Skip the rest of this number.
      while (pos + 1 < text.size() && is_digit(text[pos + 1])) {
        ++pos;
      }
    } else if (is_word_byte(c) && (pos == 0 || !is_word_byte(text[pos - 1]))) {
      if (auto match = month_name_date_at(text, pos)) {
        return match;
      }
    }
  }
  return std::nullopt;
}

std::optional<MonthMatch> find_month_year(std::string_view text) {
  // "2025年8月 开发日志", "周报：2025年第26周": a year written the CJK way, with
  // its month when one follows (month 0 otherwise).
  for (auto at = text.find("年"); at != std::string_view::npos; at = text.find("年", at + 1)) {
    int year = 0;
    if (at < 4 || (at > 4 && is_digit(text[at - 5])) || read_number(text, at - 4, 4, year) != 4 || !plausible_year(year)) {
      continue;
    }
    std::size_t p = at + std::string_view("年").size();
    int month = 0;
    const int digits = read_number(text, p, 2, month);
    const bool has_month = digits > 0 && month >= 1 && month <= 12 &&
                           text.substr(p + static_cast<std::size_t>(digits)).starts_with("月");
    // A month or a week after it: "下线2019年的计费系统" (the 2019 billing system) names no period.
    if (!has_month && !text.substr(p).starts_with("第")) {
      continue;
    }
    return MonthMatch{year, has_month ? month : 0};
  }
  for (std::size_t pos = 0; pos < text.size(); ++pos) {
    if (!is_word_byte(text[pos]) || (pos > 0 && is_word_byte(text[pos - 1]))) {
      continue;
    }
    std::size_t end = pos;
    while (end < text.size() && is_word_byte(text[end])) {
      ++end;
    }
    const int month = month_from_name(util::to_lower_ascii(text.substr(pos, end - pos)));
    std::size_t p = end;
    int year = 0;
    if (month != 0 && read_year(text, p, year)) {
      return MonthMatch{year, month};
    }
    pos = end;
  }
  return std::nullopt;
}

namespace {

// English weekday names and the abbreviations logs use for them.
bool is_weekday_name(std::string_view lower) {
  static constexpr std::array<std::string_view, 19> k_names = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues",
      "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "weds", "tu"};
  return std::find(k_names.begin(), k_names.end(), lower) != k_names.end();
}

std::string_view trim_heading_punctuation(std::string_view text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == ':' || text.back() == '.' || text.back() == '\t')) {
    text.remove_suffix(1);
  }
  while (!text.empty() && text.front() == ' ') {
    text.remove_prefix(1);
  }
  return text;
}

} // namespace

namespace {

// A weekday word at p ("Mon", "Fr", "周一", "星期三", "水" in brackets); the
// position past it, or p when there is none.
std::size_t past_weekday(std::string_view text, std::size_t p, bool in_brackets) {
  static constexpr std::string_view k_cjk[] = {"星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日", "星期天",
                                               "周一", "周二", "周三", "周四", "周五", "周六", "周日", "周天",
                                               "週一", "週二", "週三", "週四", "週五", "週六", "週日"};
  for (std::string_view word : k_cjk) {
    if (text.substr(p).starts_with(word)) {
      return p + word.size();
    }
  }
  // Japanese weekdays stand alone only in brackets: "7/9（水）".
  static constexpr std::string_view k_japanese[] = {"月", "火", "水", "木", "金", "土", "日"};
  for (std::string_view word : k_japanese) {
    if (in_brackets && text.substr(p).starts_with(word)) {
      return p + word.size();
    }
  }
  std::size_t e = p;
  while (e < text.size() && is_alpha(text[e])) {
    ++e;
  }
  const std::string lower = util::to_lower_ascii(text.substr(p, e - p));
  // German, Finnish and Nordic abbreviations: "Fr 13.6.", "ti 4.3.", "tor 6.3.".
  static constexpr std::string_view k_abbreviated[] = {"mo", "di", "mi", "do", "fr", "sa", "so", "ma", "ti", "ke", "to",
                                                       "pe", "la", "su", "man", "tir", "ons", "tor", "fre", "tis"};
  if (e > p && (is_weekday_name(lower) || std::find(std::begin(k_abbreviated), std::end(k_abbreviated), lower) != std::end(k_abbreviated))) {
    return e < text.size() && text[e] == '.' ? e + 1 : e; // "Fr." too
  }
  return p;
}

} // namespace

std::optional<NumericDay> numeric_day_heading(std::string_view normalized) {
  std::string_view t = trim_heading_punctuation(normalized);
  while (!t.empty() && (t.front() == '*' || t.front() == '_')) {
    t.remove_prefix(1);
  }
  while (!t.empty() && (t.back() == '*' || t.back() == '_')) {
    t.remove_suffix(1);
  }
  if (t.size() > 80 || t.empty()) {
    return std::nullopt;
  }
  const auto skip_spaces = [&](std::size_t p) {
    while (p < t.size() && (t[p] == ' ' || t[p] == ',')) {
      ++p;
    }
    return p;
  };
  // A weekday before the day, bare or with the day in brackets: "Mon 6/16", "周一（6/16）".
  std::size_t p = 0;
  bool weekday = false;
  if (const std::size_t w = past_weekday(t, 0, false); w > 0) {
    weekday = true;
    p = skip_spaces(w);
  }
  const bool bracketed = weekday && p < t.size() && t[p] == '(';
  if (bracketed) {
    ++p;
  }
  if (p >= t.size() || !is_digit(t[p])) {
    return std::nullopt;
  }
  DateMatch date;
  date.begin = p;
  int a = 0;
  const int na = read_number(t, p, 2, a);
  if (na == 0) {
    return std::nullopt;
  }
  p += static_cast<std::size_t>(na);
  if (p >= t.size() || (t[p] != '/' && t[p] != '.')) {
    return std::nullopt;
  }
  const char sep = t[p++];
  int b = 0;
  const int nb = read_number(t, p, 2, b);
  if (nb == 0) {
    return std::nullopt;
  }
  p += static_cast<std::size_t>(nb);
  bool trailing_dot = false;
  if (p < t.size() && t[p] == '.' && sep == '.') {
    trailing_dot = true; // "13.6."
    ++p;
  }
  if (p < t.size() && (t[p] == sep || is_digit(t[p]) || is_alpha(t[p]))) {
    return std::nullopt; // "6/10/2025" is another reader's; "3.2a" a version
  }
  date.end = p;
  if (bracketed) {
    p = skip_spaces(p);
    if (p >= t.size() || t[p] != ')') {
      return std::nullopt;
    }
    ++p;
  }
  // A weekday after: "6.16 周一", "7/9（水）", "6/16 (Mon)".
  p = skip_spaces(p);
  if (!weekday) {
    const bool open = p < t.size() && t[p] == '(';
    const std::size_t w = past_weekday(t, open ? p + 1 : p, open);
    if (w > (open ? p + 1 : p) && (!open || (w < t.size() && t[w] == ')'))) {
      weekday = true;
      p = skip_spaces(open ? w + 1 : w);
    }
  }
  // Nothing more, or a title after a separator: "6/10 — parser work".
  if (p < t.size()) {
    const std::string_view rest = t.substr(p);
    bool separated = false;
    for (std::string_view separator : {"—", "–", "-", ":", "|", "·", "("}) {
      separated = separated || rest.starts_with(separator);
    }
    // Or the day's time: "ti 4.3. klo 9.00–11.30", "Fr 13.6. 14:00–16:00".
    std::size_t clock_at = rest.starts_with("klo ") ? 4 : (rest.starts_with("kl. ") ? 4 : (rest.starts_with("kl ") ? 3 : 0));
    // "3/5 周三 晚上 20:00–22:30": after the part of the day it names.
    for (std::string_view part : {"上午", "下午", "晚上", "中午", "早上", "凌晨", "傍晚", "午前", "午後", "夜"}) {
      if (rest.starts_with(part)) {
        clock_at = part.size();
        while (clock_at < rest.size() && rest[clock_at] == ' ') {
          ++clock_at;
        }
        break;
      }
    }
    const auto time = find_time(rest, clock_at);
    separated = separated || (time && (time->begin == clock_at || (clock_at > 0 && time->begin <= clock_at)));
    if (!separated) {
      return std::nullopt;
    }
  }
  if (sep == '.' && !weekday && !trailing_dot) {
    return std::nullopt;
  }
  // Month first, the way US, Chinese and Japanese logs write it, unless that
  // cannot be; "13.6." with its German dot is day first, and so is a dotted
  // day after a weekday in letters ("pe 7.3", "Fr 7.3"; "6.18 周三" is Chinese).
  const bool day_first = (sep == '.' && (trailing_dot || (weekday && is_alpha(t[0])))) || a > 12;
  date.month = day_first ? b : a;
  date.day = day_first ? a : b;
  if (!is_valid_date(2000, date.month, date.day)) { // a leap year: "2/29" may be valid
    return std::nullopt;
  }
  const auto offset = static_cast<std::size_t>(t.data() - normalized.data());
  date.begin += offset;
  date.end += offset;
  return NumericDay{date, a, b, sep};
}

std::optional<CalendarHeading> calendar_heading(std::string_view normalized) {
  const std::string_view trimmed = trim_heading_punctuation(normalized);
  if (trimmed.empty() || trimmed.size() > 24) {
    return std::nullopt; // most headings: no allocation
  }
  const std::string lower = util::to_lower_ascii(trimmed);
  const std::string_view text = lower;
  CalendarHeading heading;
  int value = 0;
  // Numeric: "2025", "2025-03", "2025/3", "2025.03", "2025年3月", "3月".
  if (is_digit(text[0])) {
    const int n = read_number(text, 0, 4, value);
    std::size_t p = static_cast<std::size_t>(n);
    if (n == 4 && plausible_year(value)) {
      heading.year = value;
      if (p == text.size() || text.substr(p) == "年") {
        return heading;
      }
      // "2025 March", "2025, March"
      std::size_t w = p;
      while (w < text.size() && (text[w] == ' ' || text[w] == ',')) {
        ++w;
      }
      if (w > p) {
        const int month = month_from_name(text.substr(w));
        if (month == 0) {
          return std::nullopt;
        }
        heading.month = month;
        return heading;
      }
      const bool cjk_year = text.substr(p).starts_with("年");
      if (cjk_year) {
        p += std::string_view("年").size();
      } else if (text[p] == '-' || text[p] == '/' || text[p] == '.') {
        ++p;
      } else {
        return std::nullopt;
      }
      const int m = read_number(text, p, 2, value);
      p += static_cast<std::size_t>(m);
      if (m == 0 || value < 1 || value > 12) {
        return std::nullopt;
      }
      heading.month = value;
      if (cjk_year && text.substr(p).starts_with("月")) {
        p += std::string_view("月").size();
      }
      return p == text.size() ? std::optional(heading) : std::nullopt;
    }
    if (n >= 1 && n <= 2 && value >= 1 && value <= 12 && text.substr(p) == "月") {
      heading.month = value;
      return heading;
    }
    return std::nullopt;
  }
  // Words: "March", "Mar.", "March 2025", "March, 2025".
  std::size_t p = 0;
  while (p < text.size() && is_word_byte(text[p])) {
    ++p;
  }
  heading.month = month_from_name(text.substr(0, p));
  if (heading.month == 0) {
    return std::nullopt;
  }
  if (p < text.size() && text[p] == '.') {
    ++p;
  }
  if (p < text.size() && text[p] == ',') {
    ++p;
  }
  while (p < text.size() && text[p] == ' ') {
    ++p;
  }
  if (p == text.size()) {
    return heading;
  }
  if (read_number(text, p, 4, value) == 4 && plausible_year(value) && p + 4 == text.size()) {
    heading.year = value;
    return heading;
  }
  return std::nullopt;
}

namespace {

// A weekday at p ("Monday", "tue.", "周三", "星期三", "(周一)"); the byte
// after it, or npos.
std::size_t weekday_end(std::string_view lower, std::size_t p) {
  const bool paren = p < lower.size() && lower[p] == '(';
  std::size_t q = paren ? p + 1 : p;
  std::size_t word = q;
  while (word < lower.size() && is_alpha(lower[word])) {
    ++word;
  }
  if (word > q) {
    if (!is_weekday_name(lower.substr(q, word - q))) {
      return std::string_view::npos;
    }
    q = word;
    if (q < lower.size() && (lower[q] == '.' || lower[q] == ',')) {
      ++q;
    }
  } else {
    for (std::string_view prefix : {"星期", "周", "週"}) {
      if (lower.substr(q).starts_with(prefix)) {
        q += prefix.size();
        for (std::string_view day : {"一", "二", "三", "四", "五", "六", "日", "天"}) {
          if (lower.substr(q).starts_with(day)) {
            word = q + day.size();
            break;
          }
        }
        break;
      }
    }
    if (word <= q) {
      return std::string_view::npos;
    }
    q = word;
  }
  if (paren) {
    if (q >= lower.size() || lower[q] != ')') {
      return std::string_view::npos;
    }
    ++q;
  }
  return q;
}

} // namespace

std::optional<WeekdayHeading> weekday_heading(std::string_view normalized) {
  static constexpr std::array<std::pair<std::string_view, int>, 19> k_days = {{
      {"monday", 1}, {"tuesday", 2}, {"wednesday", 3}, {"thursday", 4}, {"friday", 5}, {"saturday", 6},
      {"sunday", 0}, {"mon", 1}, {"tue", 2}, {"tues", 2}, {"wed", 3}, {"weds", 3}, {"thu", 4}, {"thur", 4},
      {"thurs", 4}, {"fri", 5}, {"sat", 6}, {"sun", 0}, {"tu", 2}}};
  const std::string_view text = trim_heading_punctuation(normalized);
  if (text.empty() || text.size() > 80 || std::any_of(text.begin(), text.end(), is_digit)) {
    return std::nullopt; // a date or a time of its own: not only a weekday
  }
  std::size_t p = 0;
  while (p < text.size() && is_alpha(text[p])) {
    ++p;
  }
  const std::string word = util::to_lower_ascii(text.substr(0, p));
  for (const auto& [name, day] : k_days) {
    if (word == name) {
      // "Monday", "Mon.", "Monday: standup", "Monday — release"; not "Monday's retro".
      if (p < text.size() && text[p] != ' ' && text[p] != ':' && text[p] != '.' && text[p] != ',') {
        return std::nullopt;
      }
      return WeekdayHeading{day, p};
    }
  }
  return std::nullopt;
}

bool is_week_heading(std::string_view normalized) {
  const std::string lower = util::to_lower_ascii(normalized);
  for (std::string_view phrase : {"week of", "week starting", "week commencing", "week beginning", "week ending"}) {
    const auto at = lower.find(phrase);
    if (at != std::string::npos && (at == 0 || !is_alpha(lower[at - 1]))) {
      return true;
    }
  }
  if (lower.starts_with("w/c ") || lower.starts_with("w/e ")) {
    return true;
  }
  // A numbered week: "Week 12 (Mar 17–21, 2025)", "Wk 12", "W12", "KW 12",
  // "Semaine 12", "Semana 12", "Woche 12".
  for (std::string_view word : {"week", "wk", "w", "kw", "cw", "semaine", "semana", "woche"}) {
    if (lower.starts_with(word)) {
      std::size_t p = word.size();
      if (word.size() > 1) {
        p = skip_spaces(lower, p);
        if (p < lower.size() && lower[p] == '#') {
          ++p;
        }
      }
      if (p < lower.size() && is_digit(lower[p])) {
        while (p < lower.size() && is_digit(lower[p])) {
          ++p;
        }
        // Then its dates, not more words: "Week 3 retro (2025-01-20)" is a meeting.
        const std::string_view rest = std::string_view(lower).substr(skip_spaces(lower, p));
        return rest.empty() || rest[0] == '(' || rest[0] == ':' || rest[0] == '-' || rest[0] == ',' ||
               rest.starts_with("–") || rest.starts_with("—") || rest.starts_with("·");
      }
    }
  }
  return false;
}

std::optional<DayHeading> day_heading(std::string_view normalized) {
  const std::string lower = util::to_lower_ascii(normalized);
  const std::string_view text = lower;
  std::size_t p = skip_spaces(text, 0);
  // A weekday may come first: "Monday 3", "Tue, 4th", "周三 5日".
  const std::size_t before = weekday_end(text, p);
  if (before != std::string_view::npos) {
    p = skip_spaces(text, before);
  }
  int day = 0;
  const int n = read_number(text, p, 2, day);
  if (n == 0 || day < 1 || day > 31) {
    return std::nullopt;
  }
  p += static_cast<std::size_t>(n);
  bool ordinal = false;
  for (std::string_view suffix : {"st", "nd", "rd", "th", "日", "号"}) {
    if (text.substr(p).starts_with(suffix) && (p + suffix.size() == text.size() || !is_alpha(text[p + suffix.size()]))) {
      p += suffix.size();
      ordinal = true;
      break;
    }
  }
  std::size_t end = p;
  bool marked = ordinal || before != std::string_view::npos;
  // Or after: "7 Monday", "8th, Tue", "4日 周二", "3日（周一）".
  std::size_t q = skip_spaces(text, p);
  if (q < text.size() && text[q] == ',') {
    q = skip_spaces(text, q + 1);
  }
  const std::size_t after = weekday_end(text, q);
  if (after != std::string_view::npos) {
    end = after;
    marked = true;
  }
  p = skip_spaces(text, end);
  const std::string_view rest = text.substr(p);
  // Nothing more, or only a note in parentheses: "05", "21 (2h)".
  if (rest.empty() || (rest.front() == '(' && rest.find(')') == rest.size() - 1)) {
    return DayHeading{day, end, marked};
  }
  // A bare number before a title is a numbered section ("1 - Summary",
  // "2: Incidents"); a day says so with an ordinal or a weekday.
  if (!ordinal && before == std::string_view::npos && after == std::string_view::npos) {
    return std::nullopt;
  }
  // A time may follow ("4th 10:00-12:00"), or a separator before a title:
  // "3rd — auth", "Tue 4th: tests". A separator that runs into a digit or a
  // letter is part of something else: "10:30", "9-11", "2-week", "1:1".
  if (is_digit(rest.front())) {
    return DayHeading{day, end, marked};
  }
  for (std::string_view separator : {"-", "—", "–", ":", "|", "·", ","}) {
    if (rest.starts_with(separator)) {
      const std::size_t next = separator.size();
      if (next == rest.size() || rest[next] == ' ') {
        return DayHeading{day, end, marked};
      }
    }
  }
  return std::nullopt;
}

} // namespace seshdb::parse
