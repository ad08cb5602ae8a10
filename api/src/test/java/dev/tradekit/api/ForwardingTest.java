package dev.tradekit.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class ForwardingTest {

  /** Every interface method, defaults included, invoked on the forwarder, reaches the delegate. */
  private static <T> void assertForwardsEveryMethod(Class<T> type, Class<? extends T> forwarding)
      throws Exception {
    List<String> reached = new ArrayList<>();
    T delegate =
        type.cast(
            Proxy.newProxyInstance(
                type.getClassLoader(),
                new Class<?>[] {type},
                (proxy, m, args) -> {
                  reached.add(m.getName() + List.of(m.getParameterTypes()));
                  return defaultValue(m.getReturnType());
                }));
    T forwarder = forwarding.getConstructor(type).newInstance(delegate);
    List<String> expected = new ArrayList<>();
    for (Method m : type.getMethods()) {
      if (Modifier.isStatic(m.getModifiers())) {
        continue;
      }
      assertThat(forwarding.getDeclaredMethod(m.getName(), m.getParameterTypes()))
          .as("%s overrides %s", forwarding.getSimpleName(), m)
          .isNotNull();
      Object[] args = new Object[m.getParameterCount()];
      for (int i = 0; i < args.length; i++) {
        args[i] = m.getParameterTypes()[i] == int.class ? 0 : null;
      }
      m.invoke(forwarder, args);
      expected.add(m.getName() + List.of(m.getParameterTypes()));
    }
    assertThat(reached).containsExactlyInAnyOrderElementsOf(expected);
  }

  private static @Nullable Object defaultValue(Class<?> type) {
    if (type == Optional.class) {
      return Optional.empty();
    }
    if (type == CompletableFuture.class) {
      return new CompletableFuture<>();
    }
    if (type == boolean.class) {
      return false;
    }
    return null;
  }

  @Test
  void forwardingExchangeForwardsEveryMethodIncludingDefaults() throws Exception {
    assertForwardsEveryMethod(Exchange.class, ForwardingExchange.class);
  }

  @Test
  void forwardingTradingForwardsEveryMethodIncludingPlaceBefore() throws Exception {
    assertForwardsEveryMethod(Trading.class, ForwardingTrading.class);
  }

  @Test
  void forwardingStreamsForwardsEverySubscription() throws Exception {
    assertForwardsEveryMethod(Streams.class, ForwardingStreams.class);
  }
}
