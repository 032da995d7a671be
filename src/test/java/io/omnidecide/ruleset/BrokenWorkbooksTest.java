package io.omnidecide.ruleset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tables broken the way analysts break them, most in workbooks written cell by cell as a spreadsheet
 * program writes them (typed booleans and numbers, formulas with their saved values, merged cells,
 * blank rows, extra sheets), some in CSV. Each is refused with its cell, warned about with its
 * cell, or read as the analyst meant it: never a silent loss.
 */
class BrokenWorkbooksTest {

    private static final RulesetCompiler COMPILER = new RulesetCompiler(Clock.systemUTC());
    private static final String SEGMENTS = "decision-tables/segments.drl.csv";
    private static final String SEGMENTS_XLSX = "decision-tables/segments.drl.xlsx";

    /** What a case must come to: a problem, or a valid ruleset checked further. */
    private sealed interface Outcome permits Refused, Read {
    }

    /** Refused: a problem in this file at this cell (null: no cell applies) whose message contains each text. */
    private record Refused(String file, String cell, List<String> says) implements Outcome {
    }

    /** Read: valid, and the check holds on the ruleset. */
    private record Read(Consumer<Ruleset> check) implements Outcome {
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // Blank rows and trailing rows: every rule is read.
                read("a blank row between rules (workbook)", segmentsXlsx(wb -> insertBlankRow(wb, 12)),
                        all(rules(SEGMENTS_XLSX, 7), ruleAtRow(SEGMENTS_XLSX, 13, "cartItemCount >= 1"), warned("A12", "is blank"))),
                read("two blank rows between rules", segmentsXlsx(wb -> { insertBlankRow(wb, 12); insertBlankRow(wb, 12); }),
                        all(rules(SEGMENTS_XLSX, 7), warned("A13", "is blank"))),
                read("a blank line between rules (CSV)", csv(SEGMENTS, t -> t.replace("\ngold,", "\n\ngold,")), all(rules(SEGMENTS, 7),
                        warned("A11", "is blank"))),
                read("a row of spaces between rules", csv(SEGMENTS, t -> t.replace("\n,,1,60", "\n ,  ,,,,,,,,,\n,,1,60")), rules(SEGMENTS, 7)),
                read("blank rows after the last rule", csv(SEGMENTS, t -> t + ",,,\n\n\n"), all(rules(SEGMENTS, 7), noWarning("is blank"))),
                read("a cell styled but empty below the table", segmentsXlsx(wb -> styled(wb, "C30")), rules(SEGMENTS_XLSX, 7)),
                // Typed values, as spreadsheet programs store them.
                read("a typed boolean FALSE", segmentsXlsx(wb -> cell(wb, "E12").setCellValue(false)),
                        ruleAtRow(SEGMENTS_XLSX, 12, "purchasedSinceLastCartAdd == false")),
                read("a typed number 60", segmentsXlsx(wb -> cell(wb, "D12").setCellValue(60)),
                        ruleAtRow(SEGMENTS_XLSX, 12, "minutesSinceLastCartAdd > 60,")),
                read("a number shown with a thousands separator", segmentsXlsx(wb -> thousands(wb, "D12", 1500)),
                        ruleAtRow(SEGMENTS_XLSX, 12, "minutesSinceLastCartAdd > 1500,")),
                read("a decimal typed as a number", leversXlsx(wb -> cell(wb, "E11").setCellValue(1.25)),
                        ruleAtRow("decision-tables/levers.drl.xlsx", 11, "multiplyLever(1.25)")),
                read("a formula with its saved value", segmentsXlsx(wb -> formula(wb, "D12", "20+10", true)),
                        ruleAtRow(SEGMENTS_XLSX, 12, "minutesSinceLastCartAdd > 30,")),
                read("a text formula with its saved value", segmentsXlsx(wb -> formula(wb, "K12", "\"cart_\"&\"abandoner\"", true)),
                        ruleAtRow(SEGMENTS_XLSX, 12, "addSegment(\"cart_abandoner\")")),
                refused("a formula never calculated (no saved value)", segmentsXlsx(wb -> formula(wb, "D12", "20+10", false)),
                        SEGMENTS_XLSX, "D12", "has no saved value"),
                refused("a formula that gives an error", segmentsXlsx(wb -> formula(wb, "D12", "1/0", true)), SEGMENTS_XLSX, "D12",
                        "gives an error"),
                read("a typed boolean in an old .xls workbook", workbook(new HSSFWorkbook(), SEGMENTS, "decision-tables/segments.drl.xls",
                        wb -> cell(wb, "E12").setCellValue(false)), ruleAtRow("decision-tables/segments.drl.xls", 12, "== false")),
                // Values of the wrong kind, told in the column's words.
                refused("text in a number column", csv(SEGMENTS, t -> t.replace(",,1,60,false", ",,1,thirty,false")), SEGMENTS, "D12",
                        "'thirty' is not a number; this column ('Last add to cart more than (minutes ago)') compares minutesSinceLastCartAdd"),
                refused("text typed in a number column of a workbook", segmentsXlsx(wb -> cell(wb, "C12").setCellValue("one")),
                        SEGMENTS_XLSX, "C12", "'one' is not a number"),
                read("FALSE as a spreadsheet saves it into CSV", csv(SEGMENTS, t -> t.replace(",,1,60,false", ",,1,60,FALSE")),
                        ruleAtRow(SEGMENTS, 12, "purchasedSinceLastCartAdd == false")),
                read("TRUE typed as text in a workbook", segmentsXlsx(wb -> cell(wb, "E12").setCellValue("TRUE")),
                        ruleAtRow(SEGMENTS_XLSX, 12, "purchasedSinceLastCartAdd == true")),
                refused("yes in a true/false column", csv(SEGMENTS, t -> t.replace(",,1,60,false", ",,1,60,yes")), SEGMENTS, "E12",
                        "'yes' is not true or false"),
                refused("values swapped between two columns", csv(SEGMENTS, t -> t.replace(",,1,60,false", ",,1,false,60")), SEGMENTS, "D12",
                        "'false' is not a number"),
                // Code cells.
                refused("a cleared condition code cell", csv(SEGMENTS, t -> t.replace("minutesSinceLastCartAdd > $param", "")), SEGMENTS, "D9",
                        "the code cell of CONDITION column D ('Last add to cart more than (minutes ago)') is empty"),
                refused("a cleared action code cell", csv(SEGMENTS, t -> t.replace("\"$c.addSegment(\"\"$param\"\");\"", "")), SEGMENTS, "K9",
                        "the code cell of ACTION column K ('Segment') is empty"),
                refused("a misspelt DMN decision in a code cell", csv(SEGMENTS, t -> t.replace("dmn[\"\"valueTier\"\"]", "dmn[\"\"valueTeir\"\"]")),
                        SEGMENTS, "A9", "unknown DMN decision 'valueTeir'"),
                // Deleted and swapped columns are read as they now stand (simulate names what went).
                read("a deleted condition column", csv(SEGMENTS, BrokenWorkbooksTest::withoutColumnD),
                        ruleAtRow(SEGMENTS, 12, "cartItemCount >= 1, purchasedSinceLastCartAdd == false")),
                read("two columns swapped whole", csv(SEGMENTS, BrokenWorkbooksTest::columnsDAndESwapped),
                        ruleAtRow(SEGMENTS, 12, "purchasedSinceLastCartAdd == false, minutesSinceLastCartAdd > 60")),
                // A typo in every kind of id.
                refused("a misspelt segment", csv("decision-tables/eligibility.drl.csv", t -> t.replace(",cart_abandoner,", ",cart_abandonr,")),
                        "decision-tables/eligibility.drl.csv", "B12", "unknown segment 'cart_abandonr'", "did you mean 'cart_abandoner'?"),
                refused("a misspelt action proposed", csv("decision-tables/eligibility.drl.csv",
                        t -> t.replace(",abandoned_cart_reminder", ",abandoned_cart_remnder")), "decision-tables/eligibility.drl.csv", "L12",
                        "unknown action 'abandoned_cart_remnder'", "did you mean 'abandoned_cart_reminder'?"),
                refused("a misspelt action in the levers", csv("decision-tables/levers.drl.csv", t -> t.replace("\nwin_back,", "\nwin_bak,")),
                        "decision-tables/levers.drl.csv", "A11", "unknown action 'win_bak'"),
                refused("a misspelt action in the copy", csv("decision-tables/messages.drl.csv",
                        t -> t.replaceFirst("\nservice_recovery,", "\nservice_recvery,")), "decision-tables/messages.drl.csv", "A11",
                        "unknown action 'service_recvery'"),
                refused("a misspelt channel in the catalog", csv("decision-tables/actions.drl.csv",
                        t -> t.replace("\"email, push, sms, app, web\"", "\"emial, push, sms, app, web\"")), "decision-tables/actions.drl.csv",
                        "E12", "unknown channel 'emial'", "did you mean 'email'?"),
                refused("a misspelt channel in the contact policy", csv("decision-tables/contact-policy.drl.csv",
                        t -> t.replaceFirst("\"email, sms, push\"", "\"email, sms, psuh\"")), "decision-tables/contact-policy.drl.csv", "B11",
                        "unknown channel 'psuh'"),
                refused("a misspelt category", csv("decision-tables/contact-policy.drl.csv", t -> t.replaceFirst("\nmarketing,", "\nmarketting,")),
                        "decision-tables/contact-policy.drl.csv", "A11", "unknown category 'marketting'"),
                refused("a misspelt lifecycle stage", csv("decision-tables/eligibility.drl.csv", t -> t.replace("\nnew_customer,", "\nnew_custmer,")),
                        "decision-tables/eligibility.drl.csv", "A13", "unknown lifecycle stage 'new_custmer'"),
                refused("a misspelt consent status", csv("decision-tables/contact-policy.drl.csv", t -> t.replaceFirst(",granted,", ",grantd,")),
                        "decision-tables/contact-policy.drl.csv", "C11", "unknown consent status 'grantd'"),
                refused("a language that is not one", csv("decision-tables/messages.drl.csv", t -> t.replaceFirst(",en,", ",eng,")),
                        "decision-tables/messages.drl.csv", "C11", "unknown language 'eng'"),
                read("a segment nothing reads is a warning", csv(SEGMENTS, t -> t.replace(",social_acquired", ",social_fans")),
                        warned("K15", "segment 'social_fans' is declared but no condition reads it")),
                // Merged cells, extra sheets, names and empty files.
                read("object types merged across the columns", segmentsXlsx(wb -> merge(wb, "A8:J8")), rules(SEGMENTS_XLSX, 7)),
                read("one value merged over two rule rows", segmentsXlsx(wb -> merge(wb, "E12:E13")),
                        ruleAtRow(SEGMENTS_XLSX, 13, "purchasedSinceLastCartAdd == false")),
                read("a notes sheet before the table", segmentsXlsx(wb -> wb.setSheetOrder(wb.createSheet("Read me").getSheetName(), 0)),
                        rules(SEGMENTS_XLSX, 7)),
                refused("the table's sheet copied into the workbook", segmentsXlsx(wb -> wb.cloneSheet(0)), SEGMENTS_XLSX, null,
                        "is also used in"),
                read("a plain file name (segments.xlsx)", workbook(new XSSFWorkbook(), SEGMENTS, "decision-tables/segments.xlsx", wb -> { }),
                        rules("decision-tables/segments.xlsx", 7)),
                refused("a CSV renamed .xlsx", replacing(SEGMENTS, "decision-tables/segments.drl.xlsx",
                        StarterPack.file(SEGMENTS).getBytes(StandardCharsets.UTF_8)), SEGMENTS_XLSX, null, "cannot read the spreadsheet"),
                refused("an empty CSV file", replacing(SEGMENTS, SEGMENTS, new byte[0]), SEGMENTS, null, "no RuleTable found"),
                refused("an empty workbook file", replacing(SEGMENTS, SEGMENTS_XLSX, new byte[0]), SEGMENTS_XLSX, null,
                        "cannot read the spreadsheet"),
                refused("a workbook with no table in it", replacing(SEGMENTS, SEGMENTS_XLSX, bytes(emptyWorkbook())), SEGMENTS_XLSX, null,
                        "no RuleTable found"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachIsRefusedWithItsCellOrReadAsMeant(String what, List<RulesetFile> files, Outcome outcome) {
        if (outcome instanceof Refused refused) {
            RulesetInvalidException e = assertThrows(RulesetInvalidException.class, () -> COMPILER.compile(files), what);
            assertTrue(e.problems().stream().anyMatch(p -> refused.file().equals(p.file()) && (refused.cell() == null || refused.cell().equals(p.cell()))
                    && refused.says().stream().allMatch(p.message()::contains)), what + ": expected " + refused + " among\n" + e.getMessage());
        } else {
            ((Read) outcome).check().accept(COMPILER.compile(files));
        }
    }

    // ---- outcomes ---------------------------------------------------------------------------

    private static Arguments refused(String what, List<RulesetFile> files, String file, String cell, String... says) {
        return Arguments.of(what, files, new Refused(file, cell, List.of(says)));
    }

    private static Arguments read(String what, List<RulesetFile> files, Consumer<Ruleset> check) {
        return Arguments.of(what, files, new Read(check));
    }

    @SafeVarargs
    private static Consumer<Ruleset> all(Consumer<Ruleset>... checks) {
        return ruleset -> Stream.of(checks).forEach(check -> check.accept(ruleset));
    }

    private static Consumer<Ruleset> rules(String file, int count) {
        return ruleset -> assertEquals(count, ruleset.ruleCounts().get(file), file + " rules: " + ruleset.ruleCounts());
    }

    private static Consumer<Ruleset> ruleAtRow(String file, int row, String when) {
        return ruleset -> {
            RuleSource rule = ruleset.sources().values().stream().filter(r -> file.equals(r.file()) && Integer.valueOf(row).equals(r.row()))
                    .findFirst().orElseThrow(() -> new AssertionError("no rule from " + file + " row " + row));
            assertTrue((rule.when() + " " + rule.then()).contains(when), rule.when() + " " + rule.then());
        };
    }

    private static Consumer<Ruleset> warned(String cell, String says) {
        return ruleset -> assertTrue(ruleset.warnings().stream().anyMatch(w -> cell.equals(w.cell()) && w.message().contains(says)),
                "expected a warning at " + cell + ": " + ruleset.warnings());
    }

    private static Consumer<Ruleset> noWarning(String says) {
        return ruleset -> assertTrue(ruleset.warnings().stream().noneMatch(w -> w.message().contains(says)), ruleset.warnings().toString());
    }

    // ---- files, as an analyst edits them --------------------------------------------------------

    private static List<RulesetFile> csv(String path, Function<String, String> edit) {
        String before = StarterPack.file(path);
        String after = edit.apply(before);
        assertTrue(!after.equals(before), "the edit changed nothing in " + path);
        return StarterPack.with(path, after);
    }

    private static List<RulesetFile> segmentsXlsx(Consumer<Workbook> edit) {
        return workbook(new XSSFWorkbook(), SEGMENTS, SEGMENTS_XLSX, edit);
    }

    private static List<RulesetFile> leversXlsx(Consumer<Workbook> edit) {
        return workbook(new XSSFWorkbook(), "decision-tables/levers.drl.csv", "decision-tables/levers.drl.xlsx", edit);
    }

    /** The starter table typed into a workbook (numbers as numbers, true/false as booleans), edited, in place of the CSV. */
    private static List<RulesetFile> workbook(Workbook workbook, String csvPath, String path, Consumer<Workbook> edit) {
        Sheet sheet = workbook.createSheet("Table");
        List<List<String>> rows = DecisionTableReader.parseCsv(StarterPack.file(csvPath));
        for (int r = 0; r < rows.size(); r++) {
            Row row = sheet.createRow(r);
            for (int c = 0; c < rows.get(r).size(); c++) {
                String text = rows.get(r).get(c);
                if (text.matches("-?\\d+(\\.\\d+)?")) {
                    row.createCell(c).setCellValue(Double.parseDouble(text));
                } else if (text.equals("true") || text.equals("false")) {
                    row.createCell(c).setCellValue(Boolean.parseBoolean(text));
                } else if (!text.isEmpty()) {
                    row.createCell(c).setCellValue(text);
                }
            }
        }
        edit.accept(workbook);
        return replacing(csvPath, path, bytes(workbook));
    }

    private static List<RulesetFile> replacing(String path, String newPath, byte[] content) {
        List<RulesetFile> files = new ArrayList<>(StarterPack.FILES.stream().filter(f -> !f.path().equals(path)).toList());
        files.add(new RulesetFile(newPath, content));
        return files;
    }

    private static Workbook emptyWorkbook() {
        Workbook workbook = new XSSFWorkbook();
        workbook.createSheet("Sheet1").createRow(0).createCell(0).setCellValue("segments, to do");
        return workbook;
    }

    private static byte[] bytes(Workbook workbook) {
        try (workbook; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Cell cell(Workbook workbook, String reference) {
        CellAddress at = new CellAddress(reference);
        Sheet sheet = workbook.getSheetAt(0);
        Row row = sheet.getRow(at.getRow()) == null ? sheet.createRow(at.getRow()) : sheet.getRow(at.getRow());
        return row.getCell(at.getColumn()) == null ? row.createCell(at.getColumn()) : row.getCell(at.getColumn());
    }

    private static void insertBlankRow(Workbook workbook, int sheetRow) {
        Sheet sheet = workbook.getSheetAt(0);
        sheet.shiftRows(sheetRow - 1, sheet.getLastRowNum(), 1);
    }

    private static void styled(Workbook workbook, String reference) {
        CellStyle style = workbook.createCellStyle();
        style.setWrapText(true);
        cell(workbook, reference).setCellStyle(style);
    }

    private static void thousands(Workbook workbook, String reference, double value) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
        Cell cell = cell(workbook, reference);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    /** A formula as a spreadsheet program saves it (with its calculated value), or as a library writes it without one. */
    private static void formula(Workbook workbook, String reference, String formula, boolean calculated) {
        Cell cell = cell(workbook, reference);
        // A formula typed over a value keeps that value as its saved result: start from an empty cell.
        cell.setBlank();
        cell.setCellFormula(formula);
        if (calculated) {
            workbook.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(cell);
        }
    }

    private static void merge(Workbook workbook, String range) {
        workbook.getSheetAt(0).addMergedRegion(CellRangeAddress.valueOf(range));
    }

    private static String withoutColumnD(String table) {
        return table.lines().map(line -> {
            List<String> cells = new ArrayList<>(io.omnidecide.csv.CsvLine.cells(line));
            if (cells.size() > 3 && !line.startsWith("RuleSet") && !line.startsWith("Import") && !line.startsWith("AGENDA") && !line.startsWith("Notes")) {
                cells.remove(3);
            }
            return join(cells);
        }).reduce("", (a, b) -> a + b + "\n");
    }

    private static String columnsDAndESwapped(String table) {
        return table.lines().map(line -> {
            List<String> cells = new ArrayList<>(io.omnidecide.csv.CsvLine.cells(line));
            if (cells.size() > 4) {
                cells.set(3, cells.set(4, cells.get(3)));
            }
            return join(cells);
        }).reduce("", (a, b) -> a + b + "\n");
    }

    private static String join(List<String> cells) {
        return String.join(",", cells.stream().map(c -> c.contains(",") || c.contains("\"") ? "\"" + c.replace("\"", "\"\"") + "\"" : c).toList());
    }
}
