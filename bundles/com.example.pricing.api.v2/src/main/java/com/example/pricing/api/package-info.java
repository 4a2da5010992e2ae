/**
 * Version 2 of the example pricing contract: {@link com.example.pricing.api.PriceService} quotes an order line in
 * a currency. Incompatible with 1.x (a new parameter), so both run side by side as two slots.
 */
@Export
@Version("2.0.0")
package com.example.pricing.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
