package org.childprotection.discovery;

import java.time.LocalDate;
import java.util.List;

/** One checked data row of a ledger. */
record LedgerRow(int number, String name, String gender, LocalDate birthDate, String idNumber,
    String household, String district, String street, String community, String address,
    List<String> categories, String guardianName, String guardianRelation,
    String guardianStatus, String phone, boolean atRisk, String note) {}
