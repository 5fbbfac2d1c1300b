{{/* The release's objects are all named after the chart, cut to the 63-character label limit. */}}
{{- define "so.fullname" -}}
{{- if contains "sovereign-operator" .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-sovereign-operator" .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* Labels that select the operator's pods; they never change for a release, so selectors stay immutable-safe. */}}
{{- define "so.selectorLabels" -}}
app.kubernetes.io/name: sovereign-operator
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "so.labels" -}}
{{ include "so.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/component: operator
app.kubernetes.io/part-of: sovereignops
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end -}}

{{/* registry/repository:tag[@digest]; the tag defaults to appVersion, a digest pins the exact build. */}}
{{- define "so.image" -}}
{{- $image := .Values.image -}}
{{- printf "%s/%s:%s" $image.registry $image.repository ($image.tag | default .Chart.AppVersion) -}}
{{- with $image.digest }}@{{ . }}{{ end -}}
{{- end -}}

{{/* The five CRDs the operator owns; its ClusterRole may patch these names only. */}}
{{- define "so.crdNames" -}}
- agentcatalogs.sovereignops.io
- dataresidencypolicies.sovereignops.io
- gpupools.sovereignops.io
- modeldeployments.sovereignops.io
- sovereignprofiles.sovereignops.io
{{- end -}}
