import { type Static, Type } from "typebox";
import { BUCKETS } from "../../../domain/scoring/scoring-config.js";
import { IsoInstant } from "../../instants.js";

const share = (description: string) => Type.Number({ minimum: 0, maximum: 1, description });

const ModelReadinessDto = Type.Object({
  isReady: Type.Boolean({ description: "Whether there is enough history to train and use the model." }),
  closed: Type.Integer({ description: "Leads won, lost or disqualified so far." }),
  wins: Type.Integer(),
  missingClosed: Type.Integer({ description: "Closed leads still needed (0 when enough)." }),
  missingWins: Type.Integer({ description: "Wins still needed (0 when enough)." }),
  message: Type.String({ description: "The minimum history and what is missing, in words, for the screen." }),
});

const ReliabilityBinDto = Type.Object({
  from: share("Lower end of the predicted-probability band."),
  to: share("Upper end."),
  count: Type.Integer({ description: "Closed leads predicted in the band." }),
  meanPredicted: share("Their mean predicted probability of winning."),
  observedRate: share("The share of them that won."),
});

export const ModelReportDto = Type.Object({
  auc: share("Cross-validated area under the ROC curve: 0.5 is a coin toss, 1 a perfect ranking."),
  brier: share("Cross-validated mean squared error of the probabilities (lower is better)."),
  expectedCalibrationError: share("Mean gap between predicted and observed win rates over the reliability table, weighted by count."),
  reliability: Type.Array(ReliabilityBinDto, { description: "Predicted vs observed win rate per probability band." }),
  folds: Type.Integer({ description: "Cross-validation folds." }),
  closed: Type.Integer({ description: "Closed leads trained on." }),
  wins: Type.Integer(),
  signals: Type.Array(Type.Object({ feature: Type.String(), weight: Type.Number({ description: "Change in log-odds of winning per unit of the input." }), words: Type.String() }), {
    description: "The model's inputs, strongest first, with their weights in words.",
  }),
  skipped: Type.Array(Type.Object({ column: Type.String(), reason: Type.String() }), { description: "Features left out of the model, and why." }),
});

const CloseCountsDto = Type.Object({ closed: Type.Integer(), won: Type.Integer() });

const MonthlyCloseRatesDto = Type.Object({
  month: Type.String({ description: "YYYY-MM in the workspace's time zone." }),
  buckets: Type.Object(Object.fromEntries(BUCKETS.map((bucket) => [bucket, CloseCountsDto])) as Record<(typeof BUCKETS)[number], typeof CloseCountsDto>, {
    description: "Leads closed that month by their bucket at close, and how many were won.",
  }),
  criteria: Type.Record(Type.String(), Type.Object({ metClosed: Type.Integer(), metWon: Type.Integer(), unmetClosed: Type.Integer(), unmetWon: Type.Integer() }), {
    description: "Per qualification criterion: leads closed with it met (answered yes) or not, and how many of each were won.",
  }),
});

const DriftAlertDto = Type.Object({
  key: Type.String(),
  kind: Type.Enum(["bucket_close_rate", "criterion_separation"]),
  subject: Type.String({ description: "The bucket or criterion key." }),
  month: Type.String({ description: "YYYY-MM: the month the alert is about." }),
  message: Type.String(),
  numbers: Type.Record(Type.String(), Type.Number(), { description: "The figures behind the message." }),
  detectedAt: IsoInstant(),
});

export const ModelPageResponse = Type.Object({
  readiness: ModelReadinessDto,
  current: Type.Union(
    [
      Type.Object({
        version: Type.Integer(),
        trainedAt: IsoInstant(),
        trainedBy: Type.String({ description: "Who trained it: `user:<id>`, `api_key:<id>` or `cli`." }),
        report: ModelReportDto,
      }),
      Type.Null(),
    ],
    { description: "The model in use (the newest), or null before the first training." },
  ),
  monthly: Type.Array(MonthlyCloseRatesDto, { description: "The current month and the 12 before it, oldest first, from the first month with a close." }),
  driftAlerts: Type.Array(DriftAlertDto, { description: "Newest first." }),
});

export const TrainingResponse = Type.Object({ version: Type.Integer({ description: "The version now in use." }), report: ModelReportDto });

export type ModelPageResponseType = Static<typeof ModelPageResponse>;
