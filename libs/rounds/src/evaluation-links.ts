/** Where a state's people open their questionnaire (the api until a web client exists). */
export function evaluationLink(publicBaseUrl: string, evaluationId: string): string {
  return `${publicBaseUrl}/evaluations/${evaluationId}/questionnaire`;
}
