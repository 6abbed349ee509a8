const USAGE = `tumbuh — sistem informasi konvergensi percepatan penurunan stunting

Usage: tumbuh <command> [options]

  start                       migrate, create the demo regency once, serve the app (what npm start runs)
  serve                       serve the API and the web app
  migrate                     bring the database schema up to date
  backup [--to DIR] [--keep N]
                              consistent copy of the database while the server runs (default DIR
                              TUMBUH_BACKUP_DIR or ./data/backups; keeps the newest N, default 7)
  restore FILE                replace the SQLite database with a backup (stop the server first); refuses a
                              file that is not a Tumbuh database, migrates an older one
  demo                        create the demo regency (Kabupaten Paser, one user per role) if empty
  user add --username U --name "N" --role R --scope CODE [--password-stdin]
                              create a user (prints a generated password unless --password-stdin)
  regions import FILE [--all-or-nothing] [--report REPORT.json]
                              load Kemendagri regions from a CSV (code,name,level,kind,parent_code)
  import measurements FILE [--dry-run] [--all-or-nothing] [--report REPORT.json]
                              import an e-PPGBM "by name by address" export (XLSX or CSV)
  scorecard --region CODE --period 2025-09|2025-Q3 [--format json|xlsx|pdf] [--output FILE]
                              the 1000-HPK convergence scorecard (JSON: one row per target and the totals)
  tika --region CODE --period 2025-09|2025-Q3|2025-S1|2025 [--format json|csv] [--output FILE]
                              tika pertumbuhan: children 0–23 months terindikasi / berisiko / tidak stunting
  export dhis2 --period 2025-09|2025Q3|2025 --mapping MAPPING.json [--format json|csv|adx] [--region CODE]
               [--dry-run] [--output FILE] [--push URL --token TOKEN]
                              DHIS2 aggregate data (counts by sex and age band); push: dry run first
  export fhir --region CODE --period 2025-09 [--date YYYY-MM-DD] [--output FILE]
                              a FHIR R4 transaction Bundle of the measurements (SATUSEHAT)
  export satu-data --period 2025|2025-09 [--region CODE] --output DIR
                              one open-data CSV + MS-Ind metadata JSON per indicator (Satu Data)
  growth zscores --input IN.csv --output OUT.csv
                              WHO z-scores, flags and Permenkes 2/2020 categories for a CSV
  growth faltering --input IN.csv --output OUT.csv
                              N/T/O/B and 2T of every weighing (child_id,sex,birth_date,measured_on,weight_kg)
  catalog indicators [--format json|csv] [--file PATH]
                              print the indicator catalog (Paser Pasal 6, Pasal 7, Lampiran) or check a file
  indicators --region CODE --period YYYY-MM|YYYY [--agency NAME] [--format json|table]
                              achievement of every indicator against its target (Perbup Paser 47/2024)
  report --kind KIND --region CODE --period P [--format json|pdf|xlsx] [--output FILE]
                              a report the regulations require, with today's figures (JSON = every printed figure)
  assessment --region REGENCY --year YYYY [--format json|table]
                              yearly performance ranking of every desa and kecamatan with each score's breakdown

Environment: TUMBUH_DATABASE_URL (default ./data/tumbuh.db; postgres://… for PostgreSQL),
TUMBUH_HOST (127.0.0.1), TUMBUH_PORT (3000), TUMBUH_COOKIE_SECURE (false), TUMBUH_LOG_LEVEL (info),
TUMBUH_PASSWORD_COST (15: scrypt log2 N of new password hashes; lower only for tests and development),
TUMBUH_TRUST_PROXY, TUMBUH_ALLOWED_ORIGINS, TUMBUH_BACKUP_DIR, TUMBUH_BACKUP_KEEP (see README).`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      // Commands load lazily: `tumbuh growth` should not pay for starting the server's modules.
      case "start":
        return await (await import("./commands/server")).runStart(rest);
      case "serve":
        return await (await import("./commands/server")).runServe(rest);
      case "migrate":
        return await (await import("./commands/server")).runMigrate();
      case "demo":
        return await (await import("./commands/server")).runDemo();
      case "backup":
        return await (await import("./commands/backup")).runBackup(rest);
      case "restore":
        return await (await import("./commands/backup")).runRestore(rest);
      case "user":
        return await (await import("./commands/user")).runUser(rest);
      case "regions":
        return await (await import("./commands/regions")).runRegions(rest);
      case "import":
        return await (await import("./commands/import")).runImport(rest);
      case "indicators":
        return await (await import("./commands/indicators")).runIndicators(rest);
      case "export":
        return await (await import("./commands/export")).runExport(rest);
      case "report":
        return await (await import("./commands/report")).runReport(rest);
      case "assessment":
        return await (await import("./commands/assessment")).runAssessment(rest);
      case "scorecard":
        return await (await import("./commands/scorecard")).runScorecard(rest);
      case "tika":
        return await (await import("./commands/tika")).runTika(rest);
      case "growth": {
        const { runGrowth } = await import("./commands/growth");
        return await runGrowth(rest);
      }
      case "catalog":
        return await (await import("./commands/catalog")).runCatalog(rest);
      case undefined:
      case "help":
      case "--help":
      case "-h":
        console.log(USAGE);
        return command === undefined ? 2 : 0;
      default:
        console.error(`Unknown command "${command}".\n\n${USAGE}`);
        return 2;
    }
  } catch (e) {
    console.error(`tumbuh ${command}: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}
