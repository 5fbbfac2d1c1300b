{{/*
Names are cut to 50 characters (plus a hash of the full name when cut) so that the Deployment's
ReplicaSet and pod names stay within the DNS-1123 label limit of 63.
*/}}
{{- define "sa.truncate" -}}
{{- $name := index . 0 -}}
{{- $max := index . 1 | int -}}
{{- if le (len $name) $max -}}
{{- $name -}}
{{- else -}}
{{- printf "%s-%s" (trunc (sub $max 9 | int) $name | trimSuffix "-") (sha256sum $name | trunc 8) -}}
{{- end -}}
{{- end -}}

{{- define "sa.fullname" -}}
{{- include "sa.truncate" (list .Values.name 50) -}}
{{- end -}}

{{- define "sa.selectorLabels" -}}
app.kubernetes.io/name: sovereign-agent
app.kubernetes.io/instance: {{ include "sa.fullname" . }}
{{- end -}}

{{/* The inventory labels from values, then the chart's own labels (which win on a clash). */}}
{{- define "sa.labels" -}}
{{- $own := dict
  "app.kubernetes.io/name" "sovereign-agent"
  "app.kubernetes.io/instance" (include "sa.fullname" .)
  "app.kubernetes.io/component" "agent"
  "app.kubernetes.io/version" (.Values.agent.version | toString)
  "sovereignops.io/workload" "agent"
  "sovereignops.io/risk-tier" .Values.agent.riskTier
-}}
{{- toYaml (merge $own (deepCopy .Values.labels)) -}}
{{- end -}}

{{- define "sa.metadata" -}}
namespace: {{ .Values.namespace }}
labels:
  {{- include "sa.labels" . | nindent 2 }}
{{- end -}}

{{- define "sa.image" -}}
{{- .repository -}}
{{- with .tag }}:{{ . }}{{ end -}}
{{- with .digest }}@{{ . }}{{ end -}}
{{- end -}}

{{/* The manifest the agent and the storefront read: what it is, what it may touch, what it calls. */}}
{{- define "sa.manifest" -}}
{{- $a := .Values.agent -}}
{{- $m := dict
  "name" .Values.name
  "catalog" $a.catalog
  "vendor" $a.vendor
  "domain" $a.domain
  "version" ($a.version | toString)
  "dataClasses" $a.dataClasses
  "riskTier" $a.riskTier
  "humanReview" $a.humanReview
  "model" (dict "name" .Values.model.name "endpoint" .Values.model.endpoint)
  "egress" .Values.network.egress
-}}
{{- toPrettyJson $m -}}
{{- end -}}

{{- define "sa.restrictedContainerSecurity" -}}
allowPrivilegeEscalation: false
privileged: false
readOnlyRootFilesystem: true
runAsNonRoot: true
capabilities:
  drop:
    - ALL
seccompProfile:
  type: RuntimeDefault
{{- end -}}
