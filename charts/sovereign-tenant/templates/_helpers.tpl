{{/* The inventory labels from values, then the chart's own labels (which win on a clash). */}}
{{- define "st.labels" -}}
{{- $own := dict
  "app.kubernetes.io/name" "sovereign-tenant"
  "app.kubernetes.io/instance" .Values.namespace
  "app.kubernetes.io/component" "tenant-baseline"
  "sovereignops.io/profile" .Values.profile.name
  "sovereignops.io/country" (.Values.profile.country | lower)
-}}
{{- toYaml (merge $own (deepCopy .Values.labels)) -}}
{{- end -}}

{{- define "st.metadata" -}}
namespace: {{ .Values.namespace }}
labels:
  {{- include "st.labels" . | nindent 2 }}
{{- end -}}
