/**
 * Version 1 of the example pricing contract: {@link com.example.pricing.api.PriceService} quotes an order line.
 */
@Export
@Version("1.0.0")
package com.example.pricing.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
