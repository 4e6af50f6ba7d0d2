package dev.xboxshop.cart.catalog;

import java.net.URI;
import java.time.Duration;

import dev.xboxshop.cart.CartProperties;
import dev.xboxshop.cart.CatalogStub;
import dev.xboxshop.testsupport.FreePorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CatalogClientTests {

	private static final CatalogStub stub = CatalogStub.start();

	private final CatalogClient client = clientFor(stub.url());

	@AfterAll
	static void stopStub() {
		stub.close();
	}

	@Test
	void readsNamePriceAndLimitFromTheCatalog() {
		CatalogProduct product = this.client.product(CatalogStub.CONSOLE);
		assertThat(product.name()).isEqualTo("X-Box One Launch Edition");
		assertThat(product.priceCents()).isEqualTo(49900);
		assertThat(product.quantityLimit()).isEqualTo(2);
	}

	@Test
	void reportsUnknownProductOnNotFound() {
		assertThatExceptionOfType(UnknownProduct.class).isThrownBy(() -> this.client.product("NOPE"))
			.satisfies((ex) -> assertThat(ex.getSlug()).isEqualTo("unknown-product"));
	}

	@Test
	void refusesSkuThatCannotExistWithoutAskingTheCatalog() {
		assertThatExceptionOfType(UnknownProduct.class)
			.isThrownBy(() -> clientFor("http://127.0.0.1:1").product("a/b"));
	}

	@Test
	void reportsCatalogUnavailableOnServerError() {
		assertThatExceptionOfType(CatalogUnavailable.class).isThrownBy(() -> this.client.product("BROKEN"))
			.satisfies((ex) -> assertThat(ex.getStatus().value()).isEqualTo(503));
	}

	@Test
	void reportsCatalogUnavailableWhenNothingListens() {
		CatalogClient unreachable = clientFor("http://127.0.0.1:" + FreePorts.find());
		assertThatExceptionOfType(CatalogUnavailable.class).isThrownBy(() -> unreachable.product(CatalogStub.CONSOLE));
	}

	@Test
	void givesUpOnASilentCatalogWhileTheCatalogStillHoldsTheRead() {
		assertThatExceptionOfType(CatalogUnavailable.class).isThrownBy(() -> this.client.product("SILENT"));
		// the stub never answers SILENT until it stops: the client gave up by itself
		assertThat(stub.held()).isEqualTo(1);
	}

	private static CatalogClient clientFor(String url) {
		return new CatalogClient(new CartProperties(Duration.ofDays(7), URI.create(url), Duration.ofSeconds(2)));
	}

}
