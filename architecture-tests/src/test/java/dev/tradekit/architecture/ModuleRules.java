package dev.tradekit.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Optional;

/**
 * The module rules of DESIGN.md as ArchUnit rules, parameterised by the base package so that the
 * rules themselves can be proven on fixture classes.
 */
final class ModuleRules {
  /** Modules whose main code may depend on {@code api} and {@code execution} only. */
  static final String[] ENGINES = {"copier", "marketmaker", "scanner", "strategy"};

  /**
   * Modules that talk to (or stand in for) a venue's wire protocol; {@code adapter} is the
   * adapter-support module they share.
   */
  static final String[] ADAPTERS = {"adapter", "binance", "bybit", "testkit"};

  /** Every module but api. */
  static final String[] OTHER_MODULES = {
    "execution",
    "adapter",
    "binance",
    "bybit",
    "testkit",
    "backtest",
    "copier",
    "marketmaker",
    "scanner",
    "strategy",
    "samples",
    "benchmarks",
    "notify",
    "server"
  };

  /**
   * Internal packages shared beyond their module, with the modules that may use them: api's wire
   * package holds the one Binance frame parser that the live adapter and the backtest's recording
   * readers share (no other module may use it).
   */
  static final java.util.Map<String, java.util.Set<String>> SHARED_INTERNALS =
      java.util.Map.of("api.internal.wire", java.util.Set.of("binance", "backtest"));

  private ModuleRules() {}

  static ArchRule enginesNeverImportAdapters(String base) {
    return noClasses()
        .that()
        .resideInAnyPackage(packages(base, ENGINES))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(packages(base, ADAPTERS))
        .because("engines reach venues only through the exchange SPI (DESIGN.md, module graph)");
  }

  /**
   * An engine's main code uses no module of ours but {@code api} and {@code execution} (the order
   * sync, risk limits and dead-man switch every engine shares): no adapter, no other engine, no
   * backtest.
   */
  static ArchRule enginesDependOnApiAndExecutionOnly(String base) {
    return classes()
        .that()
        .resideInAnyPackage(packages(base, ENGINES))
        .should(useNoModuleBut(base, "api", "execution"))
        .because("engines share order sync and risk through execution and talk to venues via api");
  }

  /** The execution module builds on {@code api} alone, so that every engine can depend on it. */
  static ArchRule executionDependsOnApiOnly(String base) {
    return classes()
        .that()
        .resideInAPackage(base + ".execution..")
        .should(useNoModuleBut(base, "api"))
        .because("execution sits between the engines and api: it knows no engine and no venue");
  }

  private static ArchCondition<JavaClass> useNoModuleBut(String base, String... allowed) {
    java.util.Set<String> ok = java.util.Set.of(allowed);
    return new ArchCondition<>("use no module of ours but " + ok) {
      @Override
      public void check(JavaClass origin, ConditionEvents events) {
        Optional<String> originModule = moduleOf(base, origin.getPackageName());
        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
          Optional<String> targetModule =
              moduleOf(base, dependency.getTargetClass().getPackageName());
          if (targetModule.isPresent()
              && !targetModule.equals(originModule)
              && !ok.contains(targetModule.get())) {
            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
          }
        }
      }
    };
  }

  static ArchRule apiDependsOnNoOtherModule(String base) {
    return noClasses()
        .that()
        .resideInAPackage(base + ".api..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(packages(base, OTHER_MODULES))
        .because("every module builds on api; api builds on nothing of ours");
  }

  static ArchRule internalPackagesStayInsideTheirModule(String base) {
    return classes()
        .that()
        .resideInAPackage(base + "..")
        .should(notReachIntoAnotherModulesInternals(base))
        .because("an internal package is not part of its module's API");
  }

  private static ArchCondition<JavaClass> notReachIntoAnotherModulesInternals(String base) {
    return new ArchCondition<>("not access another module's internal packages") {
      @Override
      public void check(JavaClass origin, ConditionEvents events) {
        Optional<String> originModule = moduleOf(base, origin.getPackageName());
        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
          JavaClass target = dependency.getTargetClass();
          String targetPackage = target.getPackageName();
          Optional<String> targetModule = moduleOf(base, targetPackage);
          if (targetModule.isPresent()
              && isInternal(targetPackage)
              && !targetModule.equals(originModule)
              && !sharedWith(base, targetPackage, originModule)) {
            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
          }
        }
      }
    };
  }

  /** The module a package belongs to: the segment after the base package. */
  static Optional<String> moduleOf(String base, String packageName) {
    if (!packageName.startsWith(base + ".")) {
      return Optional.empty();
    }
    String rest = packageName.substring(base.length() + 1);
    int dot = rest.indexOf('.');
    return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
  }

  private static boolean sharedWith(String base, String targetPackage, Optional<String> module) {
    java.util.Set<String> users =
        SHARED_INTERNALS.get(
            targetPackage.substring(Math.min(base.length() + 1, targetPackage.length())));
    return users != null && module.isPresent() && users.contains(module.get());
  }

  private static boolean isInternal(String packageName) {
    return packageName.endsWith(".internal") || packageName.contains(".internal.");
  }

  private static String[] packages(String base, String... modules) {
    String[] result = new String[modules.length];
    for (int i = 0; i < modules.length; i++) {
      result[i] = base + "." + modules[i] + "..";
    }
    return result;
  }
}
