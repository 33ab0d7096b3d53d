package org.childprotection.export;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Exports ({@code minor-protection.export}): the Chinese font the PDFs embed, a TrueType or
 * OpenType file or collection; {@code fontName} picks the font of a collection (.ttc).
 */
@ConfigurationProperties("minor-protection.export")
public record ExportPolicy(String font, String fontName) {}
