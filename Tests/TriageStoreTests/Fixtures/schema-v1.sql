-- Triage store schema v1 (migration v1-record), as released: the fixture for migrating from it.
-- One replace diagnosis with a finding, an evidence section and its audit entry.
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
INSERT INTO grdb_migrations VALUES('v1-record');
CREATE TABLE IF NOT EXISTS "diagnoses" ("id" TEXT PRIMARY KEY NOT NULL, "deviceID" TEXT NOT NULL, "host" TEXT NOT NULL, "model" TEXT, "firmware" TEXT, "serial" TEXT, "customer" TEXT, "requestedBy" TEXT NOT NULL, "originTicket" TEXT, "startedAt" DATETIME NOT NULL, "durationMilliseconds" INTEGER NOT NULL, "verdict" TEXT NOT NULL, "rulesFired" TEXT NOT NULL, "probeSHA256" TEXT NOT NULL, "warnings" TEXT NOT NULL, "triageVersion" TEXT NOT NULL, "recordedAt" DATETIME NOT NULL);
INSERT INTO diagnoses VALUES('0b1c2d3e-1111-4222-8333-944455566677','cpe-0001','127.0.0.1','TP-Link Archer C7 v5',NULL,'SIM-0001','C-42','alice','1234','2026-11-29 08:00:00.000',2300,'replace','["wlan.phy-missing"]','{"wlan":"abc"}','[]','0.1.0','2026-11-29 08:49:58.901');
CREATE TABLE IF NOT EXISTS "findings" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "diagnosisID" TEXT NOT NULL REFERENCES "diagnoses"("id") ON DELETE CASCADE, "position" INTEGER NOT NULL, "component" TEXT NOT NULL, "code" TEXT NOT NULL, "severity" TEXT NOT NULL, "message" TEXT NOT NULL, "verdict" TEXT NOT NULL, "isSecurity" BOOLEAN NOT NULL, "remedy" TEXT, "reference" TEXT, "evidence" TEXT NOT NULL, "ruleID" TEXT NOT NULL);
INSERT INTO findings VALUES(1,'0b1c2d3e-1111-4222-8333-944455566677',0,'wlan','wlan.phy-missing','critical','No radio: the phy is missing','replace',0,NULL,NULL,'[{"lines":[""],"section":"iw dev"}]','wlan.phy-missing');
CREATE TABLE IF NOT EXISTS "evidence" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "diagnosisID" TEXT NOT NULL REFERENCES "diagnoses"("id") ON DELETE CASCADE, "position" INTEGER NOT NULL, "kind" TEXT NOT NULL, "subject" TEXT NOT NULL, "output" TEXT NOT NULL, "exitCode" INTEGER, "isAbsent" BOOLEAN NOT NULL, "durationMilliseconds" INTEGER, "isTruncated" BOOLEAN NOT NULL, "errorOutput" TEXT NOT NULL, "recordedAt" DATETIME NOT NULL);
INSERT INTO evidence VALUES(1,'0b1c2d3e-1111-4222-8333-944455566677',0,'command','iw dev','',0,0,NULL,0,'','2026-11-29 08:49:58.901');
CREATE TABLE IF NOT EXISTS "auditLog" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "requestedBy" TEXT NOT NULL, "deviceID" TEXT NOT NULL, "host" TEXT NOT NULL, "diagnosisID" TEXT, "probeSHA256" TEXT NOT NULL, "startedAt" DATETIME NOT NULL, "endedAt" DATETIME NOT NULL, "outcome" TEXT NOT NULL, "connectAttempts" INTEGER NOT NULL, "failure" TEXT, "probes" TEXT NOT NULL);
INSERT INTO auditLog VALUES(1,'alice','cpe-0001','127.0.0.1','0b1c2d3e-1111-4222-8333-944455566677','{"wlan":"abc"}','2026-11-29 08:00:00.000','2026-11-29 08:00:02.300','not-probed',0,NULL,'[]');
CREATE INDEX "diagnoses_on_deviceID" ON "diagnoses"("deviceID");
CREATE INDEX "findings_on_diagnosisID" ON "findings"("diagnosisID");
CREATE INDEX "findings_on_code" ON "findings"("code");
CREATE INDEX "evidence_on_diagnosisID" ON "evidence"("diagnosisID");
CREATE INDEX "evidence_on_recordedAt" ON "evidence"("recordedAt");
CREATE INDEX "auditLog_on_deviceID" ON "auditLog"("deviceID");
CREATE TRIGGER auditLog_no_update BEFORE UPDATE ON auditLog
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: rows cannot be updated'); END;
CREATE TRIGGER auditLog_no_delete BEFORE DELETE ON auditLog
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: rows cannot be deleted'); END;
COMMIT;
