package io.omnidecide.decision;

import static io.omnidecide.decision.StarterPack.buyer;
import static io.omnidecide.decision.StarterPack.consenting;
import static io.omnidecide.decision.StarterPack.customer;
import static io.omnidecide.decision.StarterPack.withCart;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omnidecide.facts.Customer;
import io.omnidecide.ruleset.Ruleset;
import io.omnidecide.ruleset.RulesetCompiler;
import io.omnidecide.ruleset.RulesetFile;
import io.omnidecide.ruleset.RulesetFolders;
import io.omnidecide.ruleset.TableFormats;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The starter pack as workbooks decides exactly as the CSV files in the repository do. */
class SpreadsheetFormsTest {

    private static final List<RulesetFile> CSV = RulesetFolders.read(Path.of("rules"), Path.of("decision-tables"));

    private static List<RulesetFile> asWorkbooks() {
        return CSV.stream().map(f -> f.isCsvTable()
                ? new RulesetFile(f.path().replace(".csv", ".xlsx"), TableFormats.csvToXlsx(f, "Table"))
                : f).toList();
    }

    @Test
    void workbookAndCsvFormsDecideAlike() {
        Ruleset csv = StarterPack.RULESET;
        Ruleset xlsx = new RulesetCompiler(Clock.systemUTC()).compile(asWorkbooks());
        assertTrue(xlsx.files().stream().anyMatch(f -> f.endsWith(".drl.xlsx")));
        List<Supplier<Customer>> customers = List.of(
                () -> customer("web"),
                () -> consenting(withCart(customer("email"), "S", "Sneaker", 300), "email"),
                () -> consenting(buyer("any", 12, 400, 20), "email", "push"),
                () -> consenting(buyer("sms", 3, 400, 200), "sms"),
                () -> withCart(buyer("app", 1, 3, 3), "S", "Sneaker", 90));
        for (Supplier<Customer> customer : customers) {
            DecisionOutcome fromCsv = new DecisionPipeline("en").decide(csv, customer.get(), 10);
            DecisionOutcome fromXlsx = new DecisionPipeline("en").decide(xlsx, customer.get(), 10);
            assertEquals(fromCsv.segments(), fromXlsx.segments());
            assertEquals(fromCsv.lifecycleStage(), fromXlsx.lifecycleStage());
            assertEquals(strip(fromCsv.actions()), strip(fromXlsx.actions()));
            assertEquals(fromCsv.suppressed().stream().map(SuppressedAction::reason).toList(),
                    fromXlsx.suppressed().stream().map(SuppressedAction::reason).toList());
        }
    }

    @Test
    void aWorkbookTurnsBackIntoTheSameCsv() throws Exception {
        RulesetFile actions = CSV.stream().filter(f -> f.path().endsWith("actions.drl.csv")).findFirst().orElseThrow();
        RulesetFile workbook = new RulesetFile("decision-tables/actions.drl.xlsx", TableFormats.csvToXlsx(actions, "Actions"));
        assertEquals(withoutTrailingEmptyCells(actions.content()), withoutTrailingEmptyCells(TableFormats.workbookToCsv(workbook)));
    }

    /** A workbook keeps no empty cells at the end of a row; CSV writers often do. */
    private static String withoutTrailingEmptyCells(byte[] csv) {
        return new String(csv, java.nio.charset.StandardCharsets.UTF_8).replaceAll("(?m),+$", "");
    }

    /** Actions without their reasons, whose sources name the file form. */
    private static List<String> strip(List<ActionResult> actions) {
        return actions.stream().map(a -> a.actionId() + "@" + a.channel() + ":" + a.score() + ":" + a.message()).toList();
    }
}
