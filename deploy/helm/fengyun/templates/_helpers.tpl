{{- define "fengyun.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "fengyun.selectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "fengyun.labels" -}}
{{ include "fengyun.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "fengyun.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "fengyun.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "fengyun.image" -}}
{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}
{{- end -}}

{{- define "fengyun.secretName" -}}
{{- default (include "fengyun.fullname" .) .Values.existingSecret -}}
{{- end -}}

{{/* The restricted Pod Security Standard, for the application and the migration job alike. */}}
{{- define "fengyun.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: 10001
runAsGroup: 10001
fsGroup: 10001
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "fengyun.containerSecurityContext" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
runAsNonRoot: true
capabilities:
  drop: ["ALL"]
{{- end -}}

{{/* The settings every process needs to reach the database. */}}
{{- define "fengyun.databaseEnv" -}}
- name: FENGYUN_DB_URL
  value: {{ required "database.url is required (jdbc:postgresql://host:5432/fengyun)" .Values.database.url | quote }}
- name: FENGYUN_DB_USER
  value: {{ .Values.database.user | quote }}
{{- end -}}
