package dev.tradekit.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.tradekit.archfixture.binance.WireClient;
import dev.tradekit.archfixture.copier.CleanCopier;
import dev.tradekit.archfixture.copier.LeakyCopier;
import dev.tradekit.archfixture.marketmaker.internal.QuoteMath;
import dev.tradekit.archfixture.scanner.Peeker;
import org.junit.jupiter.api.Test;

/** Proves the rules fail when broken, on deliberately bad fixture classes. */
class RulesCatchViolationsTest {
  private static final String FIXTURE = "dev.tradekit.archfixture";

  @Test
  void engineImportingAnAdapterBreaksTheRule() {
    JavaClasses classes =
        new ClassFileImporter().importClasses(LeakyCopier.class, WireClient.class);
    EvaluationResult result = ModuleRules.enginesNeverImportAdapters(FIXTURE).evaluate(classes);
    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().getDetails())
        .anySatisfy(d -> assertThat(d).contains("LeakyCopier").contains("WireClient"));
  }

  @Test
  void engineUsingOnlyItsOwnCodePasses() {
    JavaClasses classes =
        new ClassFileImporter().importClasses(CleanCopier.class, WireClient.class);
    assertThat(ModuleRules.enginesNeverImportAdapters(FIXTURE).evaluate(classes).hasViolation())
        .isFalse();
  }

  @Test
  void reachingIntoAnotherModulesInternalPackageBreaksTheRule() {
    JavaClasses classes = new ClassFileImporter().importClasses(Peeker.class, QuoteMath.class);
    EvaluationResult result =
        ModuleRules.internalPackagesStayInsideTheirModule(FIXTURE).evaluate(classes);
    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().getDetails())
        .anySatisfy(d -> assertThat(d).contains("Peeker").contains("QuoteMath"));
  }

  @Test
  void apiWirePackageIsSharedWithBacktestButNotWithEngines() {
    JavaClasses allowed =
        new ClassFileImporter()
            .importClasses(
                dev.tradekit.archfixture.backtest.RecordingCursorUser.class,
                dev.tradekit.archfixture.api.internal.wire.FrameCursor.class);
    assertThat(
            ModuleRules.internalPackagesStayInsideTheirModule(FIXTURE)
                .evaluate(allowed)
                .hasViolation())
        .isFalse();
    JavaClasses borrowed =
        new ClassFileImporter()
            .importClasses(
                dev.tradekit.archfixture.scanner.WireBorrower.class,
                dev.tradekit.archfixture.api.internal.wire.FrameCursor.class);
    EvaluationResult result =
        ModuleRules.internalPackagesStayInsideTheirModule(FIXTURE).evaluate(borrowed);
    assertThat(result.getFailureReport().getDetails())
        .anySatisfy(d -> assertThat(d).contains("WireBorrower").contains("FrameCursor"));
  }

  @Test
  void aModuleMayUseItsOwnInternalPackage() {
    JavaClasses classes =
        new ClassFileImporter()
            .importClasses(
                QuoteMath.class, dev.tradekit.archfixture.marketmaker.FixtureMaker.class);
    assertThat(
            ModuleRules.internalPackagesStayInsideTheirModule(FIXTURE)
                .evaluate(classes)
                .hasViolation())
        .isFalse();
  }

  @Test
  void engineUsingAnotherEngineBreaksTheRule() {
    JavaClasses classes =
        new ClassFileImporter()
            .importClasses(
                dev.tradekit.archfixture.copier.EngineBorrowingCopier.class,
                dev.tradekit.archfixture.marketmaker.FixtureMaker.class);
    EvaluationResult result =
        ModuleRules.enginesDependOnApiAndExecutionOnly(FIXTURE).evaluate(classes);
    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().getDetails())
        .anySatisfy(d -> assertThat(d).contains("EngineBorrowingCopier").contains("FixtureMaker"));
  }

  @Test
  void engineUsingExecutionPasses() {
    JavaClasses classes =
        new ClassFileImporter()
            .importClasses(
                dev.tradekit.archfixture.copier.RiskCheckedCopier.class,
                dev.tradekit.archfixture.execution.RiskCheck.class);
    assertThat(
            ModuleRules.enginesDependOnApiAndExecutionOnly(FIXTURE)
                .evaluate(classes)
                .hasViolation())
        .isFalse();
  }

  @Test
  void executionUsingAnEngineBreaksTheRule() {
    JavaClasses classes =
        new ClassFileImporter()
            .importClasses(
                dev.tradekit.archfixture.execution.EngineAwareRisk.class,
                dev.tradekit.archfixture.execution.RiskCheck.class,
                dev.tradekit.archfixture.marketmaker.FixtureMaker.class);
    EvaluationResult result = ModuleRules.executionDependsOnApiOnly(FIXTURE).evaluate(classes);
    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().getDetails())
        .allSatisfy(d -> assertThat(d).contains("EngineAwareRisk"));
  }

  @Test
  void moduleIsTheSegmentAfterTheBase() {
    assertThat(ModuleRules.moduleOf("dev.tradekit", "dev.tradekit.copier.internal"))
        .contains("copier");
    assertThat(ModuleRules.moduleOf("dev.tradekit", "dev.tradekit.api")).contains("api");
    assertThat(ModuleRules.moduleOf("dev.tradekit", "org.example")).isEmpty();
  }
}
