package dev.tradekit.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the main classes of every module on the classpath against the module rules; {@code check}
 * fails the test with an assertion error that lists every violation.
 */
class ArchitectureTest {
  private static final String BASE = "dev.tradekit";
  private static JavaClasses mainClasses;

  @BeforeAll
  static void importMainClasses() {
    mainClasses =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(BASE);
  }

  @Test
  void enginesNeverImportAdapters() {
    ModuleRules.enginesNeverImportAdapters(BASE).allowEmptyShould(true).check(mainClasses);
  }

  @Test
  void enginesDependOnApiAndExecutionOnly() {
    ModuleRules.enginesDependOnApiAndExecutionOnly(BASE).check(mainClasses);
  }

  @Test
  void executionDependsOnApiOnly() {
    ModuleRules.executionDependsOnApiOnly(BASE).check(mainClasses);
  }

  @Test
  void apiDependsOnNoOtherModule() {
    ModuleRules.apiDependsOnNoOtherModule(BASE).check(mainClasses);
  }

  @Test
  void internalPackagesStayInsideTheirModule() {
    ModuleRules.internalPackagesStayInsideTheirModule(BASE).check(mainClasses);
  }
}
