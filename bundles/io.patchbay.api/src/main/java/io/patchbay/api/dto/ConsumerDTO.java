package io.patchbay.api.dto;

import org.osgi.dto.DTO;

/** A bundle that holds a facade for a slot. */
public class ConsumerDTO extends DTO {

    public long bundleId;

    public String bundleSymbolicName;

    public String bundleVersion;
}
